/**
 * Running a pure function off the main thread: `serve(execute)` in a module worker answers each request
 * {key, request} with {key, result} or {key, error}; `workerRunner(worker, execute)` on the page sends requests
 * and resolves their promises, and falls back to the main thread (one request per task) when there is no
 * worker or it fails to load. Requests and results are plain data; the typed arrays of a result are
 * transferred, not copied.
 */

/** Runs a request on the page, in a task of its own (setTimeout 0), so input events get a turn in between. */
export function mainThreadRunner<Req, Res>(execute: (request: Req) => Res): (request: Req) => Promise<Res> {
  return (request) =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(execute(request));
        } catch (e) {
          reject(e);
        }
      }, 0)
    );
}

/** The distinct buffers of the typed arrays among a result's own values (one level deep). */
function transferables(result: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  if (result && typeof result === "object") {
    for (const value of Object.values(result)) if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  }
  return [...buffers];
}

/** In a worker: answers every request message with `execute`'s result or its error message. */
export function serve<Req, Res>(execute: (request: Req) => Res): void {
  const scope = self as unknown as Worker;
  scope.addEventListener("message", (event: MessageEvent) => {
    const {key, request} = event.data as {key: number; request: Req};
    try {
      const result = execute(request);
      scope.postMessage({key, result}, transferables(result));
    } catch (e) {
      scope.postMessage({key, error: e instanceof Error ? e.message : String(e)});
    }
  });
}

/**
 * On the page: runs requests in `worker` (served by {@link serve}), one message each. A worker that fails to
 * load answers nothing: what waits, and everything after, runs on the main thread with `execute`.
 */
export function workerRunner<Req, Res>(worker: Worker | null, execute: (request: Req) => Res): (request: Req) => Promise<Res> {
  const fallback = mainThreadRunner(execute);
  if (!worker) return fallback;
  let next = 0;
  let broken = false;
  const waiting = new Map<number, {request: Req; resolve: (r: Res) => void; reject: (e: Error) => void}>();
  worker.addEventListener("message", (event: MessageEvent) => {
    const {key, result, error} = event.data as {key: number; result?: Res; error?: string};
    const w = waiting.get(key);
    if (!w) return;
    waiting.delete(key);
    if (error === undefined) w.resolve(result as Res);
    else w.reject(new Error(error));
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    broken = true;
    for (const w of waiting.values()) fallback(w.request).then(w.resolve, w.reject);
    waiting.clear();
  });
  return (request) => {
    if (broken) return fallback(request);
    return new Promise((resolve, reject) => {
      const key = ++next;
      waiting.set(key, {request, resolve, reject});
      worker.postMessage({key, request});
    });
  };
}
