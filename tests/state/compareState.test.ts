import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {CLASSES, FEATURES} from "../../lib/index.js";
import {
  COMPARE_SPECS,
  PARAM_SPECS,
  STIMULUS_CHOICES,
  defaultCompareState,
  orderCompare,
  parseCompareState,
  protocolSlot,
  serializeCompareState,
  slotOf,
  type CompareState
} from "../../src/state/compareState.js";
import {clampToSpec, serializeState, presetState} from "../../src/state/urlState.js";

const catalog = {classes: CLASSES, features: FEATURES};

/** What a link must keep: the state without the parameters the chosen current does not use. */
function relevant(state: CompareState): CompareState {
  const used: Record<string, string[]> = {
    dc: ["I", "T"],
    step: ["I", "on", "off", "T"],
    pulses: ["I", "on", "width", "period", "count", "T"]
  };
  const out = {...state} as Record<string, unknown>;
  for (const key of Object.keys(COMPARE_SPECS)) if (!(used[state.stim] ?? []).includes(key)) delete out[key];
  return out as unknown as CompareState;
}

function expectValid(state: CompareState): void {
  expect(state.neurons.length).toBeGreaterThanOrEqual(2);
  expect(state.neurons.length).toBeLessThanOrEqual(4);
  for (const slot of state.neurons) {
    for (const p of ["a", "b", "c", "d"] as const) {
      expect(Number.isFinite(slot[p])).toBe(true);
      expect(slot[p]).toBeGreaterThanOrEqual(PARAM_SPECS[p].min);
      expect(slot[p]).toBeLessThanOrEqual(PARAM_SPECS[p].max);
    }
    if (slot.kind === "explorer") expect(state.explorer).not.toBeNull();
  }
  for (const [key, spec] of Object.entries(COMPARE_SPECS)) {
    const value = state[key as keyof typeof COMPARE_SPECS];
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(spec.min);
    expect(value).toBeLessThanOrEqual(spec.max);
  }
  expect(STIMULUS_CHOICES).toContain(state.stim);
  const k = protocolSlot(state.stim);
  if (k !== null) expect(state.neurons[k]?.kind).not.toBe("custom");
  expect(["adaptive", "paper2004"]).toContain(state.method);
  expect(state.off).toBeGreaterThanOrEqual(state.on);
  expect(state.width).toBeLessThanOrEqual(state.period);
}

describe("parseCompareState", () => {
  it("gives RS, IB and CH under RS's protocol, accurately, with no notice for an empty query", () => {
    const {state, notices} = parseCompareState("", catalog);
    expect(notices).toEqual([]);
    expect(state).toEqual(defaultCompareState(catalog));
    expect(state.neurons.map((s) => s.kind)).toEqual(["RS", "IB", "CH"]);
    expect(state).toMatchObject({stim: "protocol1", method: "adaptive", overlay: false, explorer: null});
  });

  it("reads 2, 3 and 4 neurons, custom parameters, the current, the method and the overlay", () => {
    const {state, notices} = parseCompareState(
      "?n1=A&n2=custom&a2=0.1&b2=0.25&c2=-60&d2=1.5&n3=TC_burst&n4=FS&stim=pulses&I=12&on=5&width=2&period=20&count=3&T=300&method=paper2004&overlay=1",
      catalog
    );
    expect(notices).toEqual([]);
    expect(state.neurons.map((s) => s.kind)).toEqual(["A", "custom", "TC_burst", "FS"]);
    expect(state.neurons[1]).toEqual({kind: "custom", a: 0.1, b: 0.25, c: -60, d: 1.5});
    expect(state).toMatchObject({
      stim: "pulses",
      I: 12,
      on: 5,
      width: 2,
      period: 20,
      count: 3,
      T: 300,
      method: "paper2004",
      overlay: true
    });
    expect(parseCompareState("?n1=RS&n2=B", catalog).state.neurons.map((s) => s.kind)).toEqual(["RS", "B"]);
  });

  it("clamps, snaps and reports bad values, unknown names and keys, as plain text", () => {
    const {state, notices} = parseCompareState(
      "?n1=RS&n2=<b>x</b>&I=1e6&T=0x10&method=euler&stim=ramp&zzz=1&overlay=yes",
      catalog
    );
    expect(state.neurons.map((s) => s.kind)).toEqual(["RS", "RS"]);
    expect(state.I).toBe(COMPARE_SPECS.I.max);
    expect(state.T).toBe(200);
    expect(state.method).toBe("adaptive");
    expect(state.stim).toBe("protocol1");
    expect(state.overlay).toBe(false);
    expect(notices.join("\n")).toMatch(/Unknown neuron “<b>x<\/b>”/);
    expect(notices.join("\n")).toMatch(/I = 1e6 is outside/);
    expect(notices.join("\n")).toMatch(/“0x10” is not a number for T/);
    expect(notices.join("\n")).toMatch(/Unknown method “euler”/);
    expect(notices.join("\n")).toMatch(/Ignored unknown setting: “zzz”/);
    expect(notices).toHaveLength(7);
  });

  it("needs at least two neurons, numbered without gaps, and a protocol from a neuron that has one", () => {
    const one = parseCompareState("?n1=FS", catalog);
    expect(one.state.neurons.map((s) => s.kind)).toEqual(["FS", "RS"]);
    expect(one.notices[0]).toMatch(/at least 2 neurons/);
    const gap = parseCompareState("?n1=FS&n2=RS&n4=CH", catalog);
    expect(gap.state.neurons).toHaveLength(2);
    expect(gap.notices[0]).toMatch(/Neuron 4 was ignored/);
    const custom = parseCompareState("?n1=custom&n2=custom&stim=protocol2", catalog);
    expect(custom.state.stim).toBe("dc");
    const moved = parseCompareState("?n1=custom&n2=IB&stim=protocol1", catalog);
    expect(moved.state.stim).toBe("protocol2");
    expect(moved.notices[0]).toMatch(/neuron 1 has no published protocol/);
    const ignored = parseCompareState("?n1=RS&n2=IB&a1=0.5", catalog);
    expect(ignored.state.neurons[0].a).toBe(0.02);
    expect(ignored.notices[0]).toMatch(/a1 was ignored/);
  });

  it("opens an explorer link as the explorer's neuron beside its class", () => {
    const explorer = {...presetState("CH", CLASSES), d: 4, method: "paper2004" as const, dt: 0.25};
    const {state, notices} = parseCompareState(serializeState(explorer), catalog);
    expect(notices).toEqual([]);
    expect(state.explorer).toMatchObject({cls: "CH", d: 4});
    expect(state.neurons.map((s) => s.kind)).toEqual(["explorer", "CH"]);
    expect(state.neurons[0]).toMatchObject({a: 0.02, b: 0.2, c: -50, d: 4});
    expect(state).toMatchObject({stim: "protocol1", method: "paper2004"});
    // Unchanged parameters: compare with another class instead of an identical one.
    expect(parseCompareState("?class=RS", catalog).state.neurons.map((s) => s.kind)).toEqual(["explorer", "FS"]);
    // The page's own link keeps it under x.
    const again = parseCompareState(serializeCompareState(state), catalog);
    expect(again.notices).toEqual([]);
    expect(again.state).toEqual(state);
    // Without an explorer state there is no explorer neuron.
    expect(parseCompareState("?n1=explorer&n2=RS", catalog).notices[0]).toMatch(/carries no explorer state/);
  });

  it("never throws and always gives a valid state, whatever the query (property)", () => {
    const keys = [
      "n1",
      "n2",
      "n3",
      "n4",
      "n5",
      "a1",
      "b2",
      "c3",
      "d4",
      "stim",
      "I",
      "on",
      "off",
      "width",
      "period",
      "count",
      "T",
      "method",
      "overlay",
      "x",
      "class",
      "a",
      "__proto__",
      "constructor"
    ];
    const values = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "RS",
        "A",
        "T",
        "custom",
        "explorer",
        "protocol3",
        "pulses",
        "paper2004",
        "1",
        "NaN",
        "Infinity",
        "-0",
        "1e308",
        "0x1F",
        " 5",
        "class=IB&d=9"
      ),
      fc.double().map(String)
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string()), values), {maxLength: 30}),
        fc.boolean(),
        (pairs, question) => {
          const search =
            (question ? "?" : "") +
            pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
          const {state, notices} = parseCompareState(search, catalog);
          expectValid(state);
          for (const n of notices) expect(typeof n).toBe("string");
          // Serialising and parsing again gives the same state, with nothing to report.
          const again = parseCompareState(serializeCompareState(state), catalog);
          expect(again.notices).toEqual([]);
          expect(relevant(again.state)).toEqual(relevant(state));
          expect(serializeCompareState(again.state)).toBe(serializeCompareState(state));
        }
      ),
      {numRuns: 300}
    );
  });

  it("survives raw hostile strings", () => {
    for (const search of [
      "?%",
      "?n1=%E0%A4%A",
      "&&&==&",
      "?n1=RS&".repeat(200),
      `?x=${"a".repeat(5000)}`,
      "?n1=__proto__&n2=toString"
    ]) {
      expectValid(parseCompareState(search, catalog).state);
    }
  });
});

describe("the comparison's address: windows in order, exact round trip", () => {
  it("clamps a step that ends before it starts, and a pulse wider than its period, with notices", () => {
    const {state, notices} = parseCompareState("?n1=RS&n2=FS&stim=step&on=900&off=10&width=80&period=20", catalog);
    expect(state).toMatchObject({on: 900, off: 900, width: 20, period: 20});
    expect(notices).toEqual([
      "on = 900 and off = 10: a step cannot end before it starts; using off = 900.",
      "width = 80 and period = 20: a pulse cannot be wider than the period; using width = 20."
    ]);
  });

  it("orderCompare lets the moved setting win", () => {
    const state = {...defaultCompareState(catalog), on: 300, off: 100};
    expect(orderCompare(state, ["off"]).patch).toEqual({on: 100, off: 100});
    expect(orderCompare(state, ["on"]).patch).toEqual({on: 300, off: 300});
  });

  it("reads numbers in decimal only", () => {
    const {state, notices} = parseCompareState("?n1=RS&n2=FS&stim=dc&I=0x10&T=1e%2B308", catalog);
    expect(state).toMatchObject({I: 10, T: 1000});
    expect(notices).toEqual([
      "“0x10” is not a number for I; using 10 instead.",
      "T = 1e+308 is outside 10…1000; using 1000."
    ]);
  });

  it("round-trips every state the controls can make: same state, same address (property)", () => {
    const onGrid = (spec: {min: number; max: number; step: number}) =>
      fc
        .integer({min: 0, max: Math.round((spec.max - spec.min) / spec.step)})
        .map((i) => clampToSpec(spec.min + i * spec.step, spec as never));
    const kinds = fc.constantFrom(...(["RS", "IB", "CH", "FS", "TC", "A", "G", "T", "custom"] as const));
    const slot = fc.record({
      kind: kinds,
      a: onGrid(PARAM_SPECS.a),
      b: onGrid(PARAM_SPECS.b),
      c: onGrid(PARAM_SPECS.c),
      d: onGrid(PARAM_SPECS.d)
    });
    const numbers = Object.fromEntries(Object.entries(COMPARE_SPECS).map(([k, spec]) => [k, onGrid(spec)]));
    const arb = fc
      .record({
        neurons: fc.array(slot, {minLength: 2, maxLength: 4}),
        stim: fc.constantFrom(...STIMULUS_CHOICES),
        ...numbers,
        method: fc.constantFrom("adaptive" as const, "paper2004" as const),
        overlay: fc.boolean()
      })
      .map((raw) => {
        const state = {...(raw as unknown as CompareState), explorer: null};
        // A preset's slot holds the preset's parameters (the controls never change them).
        state.neurons = state.neurons.map((s) => (s.kind === "custom" ? s : slotOf(s.kind, catalog)));
        Object.assign(state, orderCompare(state).patch);
        return state;
      })
      .filter((state) => {
        const k = protocolSlot(state.stim);
        return k === null || (state.neurons[k] !== undefined && state.neurons[k]!.kind !== "custom");
      });
    fc.assert(
      fc.property(arb, (state) => {
        const search = serializeCompareState(state);
        const back = parseCompareState(search, catalog);
        expect(back.notices).toEqual([]);
        expect(back.state).toEqual(state);
        expect(serializeCompareState(back.state)).toBe(search);
      })
    );
  });
});
