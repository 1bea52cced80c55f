import {describe, expect, it} from "vitest";
import {CLASSES} from "../../lib/presets/classes2003.js";
import {ExplorerStore, type StoreChange} from "../../src/state/store.js";
import {presetState} from "../../src/state/urlState.js";

describe("ExplorerStore", () => {
  it("tells its watchers what changed and who changed it, and only when something did", () => {
    const store = new ExplorerStore(presetState("RS", CLASSES));
    const seen: StoreChange[] = [];
    store.watch((_, change) => seen.push(change));
    store.set({a: store.value.a}, "slider"); // no change: no event
    store.set({a: 0.1, b: store.value.b}, "slider");
    expect(seen).toEqual([{changed: ["a"], source: "slider"}]);
    expect(store.value.a).toBe(0.1);
  });

  it("offers views that follow only their keys", () => {
    const store = new ExplorerStore(presetState("RS", CLASSES));
    const view = store.select(["tI"]);
    let events = 0;
    view.addEventListener("input", () => events++);
    store.set({a: 0.1});
    expect(events).toBe(0);
    store.set({tI: 100});
    expect(events).toBe(1);
    expect(view.value).toEqual({tI: 100});
    const rest = store.select("all-but", ["tI"]);
    store.set({tI: 200});
    expect("tI" in rest.value).toBe(false);
  });
});
