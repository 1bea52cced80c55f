/**
 * The spike budgets of the site's runs, in one place. A run that reaches its budget stops there; the library
 * keeps the spikes so far and says so in `trace.warnings`. They differ because the runs differ in length and in
 * what a reader needs to see; the explorer and the tutorial use the library's default (DEFAULTS.maxSpikes,
 * 100,000), ample for any run the explorer's controls allow.
 */
/**
 * One published panel (the zoo's gallery, the lab's panel job): panel T integrated accurately runs away, and
 * 5,000 spikes show that at a small fraction of the cost of the library's default budget.
 */
export const PANEL_MAX_SPIKES = 5000;

/**
 * A compared or analysed run (the comparison page; the chaos lab's runs and their twins, up to a few seconds
 * long): more than any bounded firing pattern produces, still a bounded cost for a runaway neuron.
 */
export const RUN_MAX_SPIKES = 20_000;

// The atlas's budget per cell, 2,000, is ATLAS_MAX_SPIKES beside the scan in the library (which also runs at
// build time; not imported here, so that a page using these budgets need not load the batch kernel): 2,000
// spikes in ≤ 1 s is ≥ 2 kHz, beyond any pattern of the model, and 40,000 cells must stay cheap.
