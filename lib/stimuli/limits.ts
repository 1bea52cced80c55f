/** Bounds on a stimulus and on what compiling or querying one may cost. */

/**
 * Bounds on a stimulus. `magnitude` bounds every number (times in ms, currents, frequencies, phases), so sums
 * and ramps stay finite; `resolution` is the smallest noise dt or pulse period (ms), which keeps the grids
 * start + k·dt strictly increasing; `depth` bounds the nesting of sum and overlay.
 */
export const STIMULUS_LIMITS = Object.freeze({magnitude: 1e9, resolution: 1e-6, depth: 32});

/**
 * The most noise samples one compiled stimulus may hold: 2²¹ (16 MB as Float64), as many as a run has samples
 * (SAMPLE_BUDGET). The site's noise needs at most 10⁵ (10,000 ms at dt = 0.1 ms); 10⁷ samples took 3.5 s (Euler)
 * to 8.5 s (adaptive) to simulate.
 */
export const NOISE_SAMPLE_BUDGET = 2 ** 21;

/**
 * The most parts (every node of the tree, sums and overlays included) one stimulus may have: 100. The site's
 * largest stimulus has 14 (the explorer's eight components and a class's four-segment protocol). The adaptive
 * method evaluates every part at every stage: a sum of 255 sines took 2.3 s of CPU for a 1000-ms run, and a sum
 * of 10⁵ steps over 45 s.
 */
export const STIMULUS_PART_BUDGET = 100;

/** The most breakpoints one `breakpoints` call may return. */
export const BREAKPOINT_BUDGET = 10_000_000;

/** Throws when a `breakpoints` call would return more than {@link BREAKPOINT_BUDGET} times. */
export function checkBreakpointBudget(count: number, t0: number, t1: number): void {
  if (count > BREAKPOINT_BUDGET) {
    throw new RangeError(
      `breakpoints: more than ${BREAKPOINT_BUDGET} breakpoints in (${t0}, ${t1}) ms; ask for a shorter interval`
    );
  }
}
