/**
 * A page's update rehearsed while the reader reads, so that the engine has compiled it before the first drag:
 * cold, a drag's first steps took two to four times as long as the later ones (the explorer, the comparison,
 * the tutorial's phase-plane chapter).
 */
import {idle} from "./nextTask.js";

/** How many times the update path is rehearsed after the page opens (each in an idle moment of its own). */
export const REHEARSALS = 20;

/**
 * The update a drag makes, rehearsed while the reader reads: after the page's first update, in idle moments,
 * the newest update's `scene` runs a few times (a page's scene computes what a step computes, for a nearby
 * setting, and redraws each chart with it and at once back, in one task, so nothing different is ever painted).
 */
export class Rehearsal {
  #scene: (() => void) | null = null;
  #started = false;
  #stopped = false;

  /** @param ready - what to wait for first (the integrator's warm-up: a run tried at once needs it) */
  constructor(private readonly ready: Promise<unknown> = Promise.resolve()) {}

  /** Rehearses `scene` from now on (replacing the one before); the first call starts the rehearsals. */
  set(scene: () => void, times = REHEARSALS, wait: () => Promise<void> = idle): void {
    if (this.#stopped) return;
    this.#scene = scene;
    if (this.#started) return;
    this.#started = true;
    void (async () => {
      await this.ready;
      for (let k = 0; k < times && this.#scene; k++) {
        await wait();
        this.#scene?.();
      }
    })();
  }

  /**
   * No more rehearsals, not even for a scene set later: the reader has started changing things (whose own
   * updates then compile the path, and which a rehearsal in between would only slow down), or the page is going
   * away.
   */
  stop(): void {
    this.#stopped = true;
    this.#scene = null;
  }
}
