import {describe, expect, it} from "vitest";
import {CLASSES} from "../../lib/presets/classes2003.js";
import {FEATURES} from "../../lib/presets/features2004.js";
import {defaultCompareState} from "../../src/state/compareState.js";
import {CompareStore, ExplorerStore, type StoreChange} from "../../src/state/store.js";
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

describe("the stores keep windows in order", () => {
  it("ExplorerStore: moving a step's start past its end pushes the end along, and the reverse pulls the start", () => {
    const store = new ExplorerStore(presetState("RS", CLASSES));
    const seen: StoreChange[] = [];
    store.watch((_, change) => seen.push(change));
    store.set({stepOn: 900}, "from");
    expect(store.value).toMatchObject({stepOn: 900, stepOff: 900});
    expect(seen.at(-1)).toEqual({changed: ["stepOn", "stepOff"], source: "from"});
    store.set({stepOff: 10}, "to");
    expect(store.value).toMatchObject({stepOn: 10, stepOff: 10});
    store.set({pulseW: 100}, "width");
    expect(store.value).toMatchObject({pulseW: 100, pulseP: 100});
    store.set({chirpOn: 10000}, "chirp");
    expect(store.value).toMatchObject({chirpOn: 9999.5, chirpOff: 10000});
  });

  it("CompareStore: the step's end follows its onset, a pulse's period its width", () => {
    const catalog = {classes: CLASSES, features: FEATURES};
    const store = new CompareStore(defaultCompareState(catalog));
    store.set({on: 900, off: 100});
    expect(store.value).toMatchObject({on: 900, off: 900});
    store.set({off: 50});
    expect(store.value).toMatchObject({on: 50, off: 50});
    store.set({width: 80});
    expect(store.value).toMatchObject({width: 80, period: 80});
    store.set({period: 20});
    expect(store.value).toMatchObject({width: 20, period: 20});
  });
});
