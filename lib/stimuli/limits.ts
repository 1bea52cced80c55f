/** Bounds on a stimulus and on what compiling or querying one may cost. */

/**
 * Bounds on a stimulus. `magnitude` bounds every number (times in ms, currents, frequencies, phases), so sums
 * and ramps stay finite; `resolution` is the smallest noise dt or pulse period (ms), which keeps the grids
 * start + k·dt strictly increasing; `depth` bounds the nesting of sum and overlay.
 */
export const STIMULUS_LIMITS = Object.freeze({magnitude: 1e9, resolution: 1e-6, depth: 32});

/** The most noise samples one compiled stimulus may hold (80 MB as Float64). */
export const NOISE_SAMPLE_BUDGET = 10_000_000;

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
