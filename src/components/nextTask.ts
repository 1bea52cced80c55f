// Framework runs the cells that are ready as one chain of promise callbacks, so a page's first render is one
// main-thread task however many cells it has. A cell that builds a lot of DOM once awaits nextTask() first:
// the chain ends there and the browser can paint and handle input before the rest runs.

/** Resolves in a later task of the event loop (after pending input, rendering and other tasks). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
