/**
 * The pages' state holders and their link to the address bar. A store holds one page's whole state, dispatches
 * "input" when it changes (so Framework's `Generators.input(store)` turns it into a reactive value) and tells
 * its watchers; `syncUrl` keeps the address bar in step with any store.
 */
import {orderCompare, repairStimulus, type CompareState} from "./compareState.js";
import {orderPairs, type ExplorerState} from "./urlState.js";
import {replaceAddress} from "./replaceAddress.js";

/** A page's state: read `value`, `watch` the changes; subclasses decide how a patch becomes a new value. */
export class Store<S, Change = null> extends EventTarget {
  #value: S;

  constructor(value: S) {
    super();
    this.#value = value;
  }

  get value(): S {
    return this.#value;
  }

  /** Calls `listener` after each change. */
  watch(listener: (state: S, change: Change) => void): void {
    this.addEventListener("input", (event) => listener(this.#value, (event as CustomEvent<Change>).detail));
  }

  /** Replaces the value and dispatches "input" with what changed. */
  protected commit(next: S, change: Change): void {
    this.#value = next;
    this.dispatchEvent(new CustomEvent<Change>("input", {detail: change}));
  }
}

type Keys = (keyof ExplorerState)[];

/** The event a store dispatches on every change: which keys changed and which control changed them. */
export interface StoreChange {
  changed: Keys;
  source: unknown;
}

/**
 * Holds the explorer state. Dispatches "input" (with a {@link StoreChange} as detail) when it changes.
 */
export class ExplorerStore extends Store<ExplorerState, StoreChange> {
  /**
   * Merges a patch; dispatches "input" if anything changed. A window's start and end (and a pulse's width and
   * period) are kept in order: the one the patch sets wins, the other follows (see orderPairs), so the
   * controls can only express states the model accepts.
   */
  set(patch: Partial<ExplorerState>, source: unknown = null): void {
    const merged = {...this.value, ...patch};
    const next = {...merged, ...orderPairs(merged, Object.keys(patch)).patch};
    const changed = (Object.keys(next) as Keys).filter((key) => !Object.is(next[key], this.value[key]));
    if (!changed.length) return;
    this.commit(next, {changed, source});
  }

  /**
   * A view of some keys: an event target whose `value` (a new object only when one of the keys changed)
   * dispatches "input" only then. Use it with `Generators.input` so a cell reruns only when it must.
   */
  select<K extends keyof ExplorerState>(keys: K[] | "all-but", except: K[] = []): StoreView<Pick<ExplorerState, K>> {
    const pick = (state: ExplorerState) => {
      if (keys !== "all-but") return Object.fromEntries(keys.map((k) => [k, state[k]])) as Pick<ExplorerState, K>;
      const out = {...state} as Record<string, unknown>;
      for (const k of except) delete out[k];
      return out as Pick<ExplorerState, K>;
    };
    const relevant = (key: keyof ExplorerState) =>
      keys === "all-but" ? !except.includes(key as K) : keys.includes(key as K);
    const view = new StoreView(pick(this.value));
    this.watch((state, {changed}) => {
      if (changed.some(relevant)) view.update(pick(state));
    });
    return view;
  }
}

/** See {@link ExplorerStore.select}. */
export class StoreView<T> extends EventTarget {
  #value: T;
  constructor(value: T) {
    super();
    this.#value = value;
  }
  get value(): T {
    return this.#value;
  }
  update(value: T): void {
    this.#value = value;
    this.dispatchEvent(new Event("input"));
  }
}

/**
 * Holds the comparison page's state. Dispatches "input" when it changes.
 */
export class CompareStore extends Store<CompareState> {
  /**
   * Merges a patch (repairing a shared protocol that no longer exists, keeping the step's onset and end and the
   * pulses' width and period in order); dispatches "input" on a change.
   */
  set(patch: Partial<CompareState>): void {
    const merged: CompareState = {...this.value, ...patch};
    const next: CompareState = {...merged, ...orderCompare(merged, Object.keys(patch)).patch};
    repairStimulus(next);
    if (JSON.stringify(next) === JSON.stringify(this.value)) return;
    this.commit(next, null);
  }
}

/**
 * Keeps the address bar in step with a store (the explorer's or another page's): replaceAddress with the
 * serialised state once the store has been still for `delay` ms, and at least every `maxWait` ms while it keeps
 * changing (a drag). The last state is always written. A replaceState costs the page milliseconds (Chromium
 * updates its history entry in the browser process; measured 2–25 ms in headless Chromium on a busy machine),
 * so a drag does not pay it at every step.
 */
export function syncUrl<S>(
  store: {readonly value: S; watch(listener: () => void): void},
  serialize: (state: S) => string,
  delay = 200,
  maxWait = 1000
): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChange = 0;
  const write = () => {
    timer = null;
    firstChange = 0;
    const search = serialize(store.value);
    if (search === location.search) return;
    // A browser that refuses (too many calls) keeps the previous address; the next change retries.
    replaceAddress(`${location.pathname}${search}${location.hash}`);
  };
  store.watch(() => {
    const now = performance.now();
    firstChange ||= now;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, Math.max(0, Math.min(delay, firstChange + maxWait - now)));
  });
}
