// Framework runs the cells that are ready as one chain of promise callbacks, so a page's first render is one
// main-thread task however many cells it has. A cell that builds a lot of DOM once awaits nextTask() first:
// the chain ends there and the browser can paint and handle input before the rest runs.

/** Resolves in a later task of the event loop (after pending input, rendering and other tasks). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Resolves when the browser is idle (or soon, where it cannot say): for work the reader need not wait for. */
export function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), {timeout: 500});
    else setTimeout(resolve, 50);
  });
}

/** Resolves after `ms` milliseconds: for idle work that should wait until the reader has stopped changing things. */
export const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
