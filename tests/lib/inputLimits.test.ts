// Everything that grows with input has a limit named in its error (parts of a stimulus, noise samples, neurons and
// spikes of a batch), and options are read once, own properties only: an audit found a sum of 10⁵ steps running
// 45 s, a sparse parts array throwing an engine TypeError, 10⁷ neurons reaching 2 GB, a polluted
// Object.prototype.maxSpikes obeyed, and a getter slipping NaN past the checks.
import {afterEach, describe, expect, it} from "vitest";
import {
  BATCH_NEURON_BUDGET,
  CELLS_2007,
  compileStimulus,
  dc,
  fromProtocol,
  NOISE_SAMPLE_BUDGET,
  noise,
  orbitDiagram,
  simulate,
  simulate2007,
  simulateBatch,
  step,
  stimulusLabel,
  STIMULUS_PART_BUDGET,
  sum,
  validateStimulus,
  type Stimulus,
  type StimulusPart
} from "../../lib/index.js";

const RS = {a: 0.02, b: 0.2, c: -65, d: 8};
const ONE = {a: [0.02], b: [0.2], c: [-65], d: [8]};

/** n short steps, one after another. */
function steps(n: number): StimulusPart[] {
  return Array.from({length: n}, (_, i) => step(0.001, i * 0.01, i * 0.01 + 5));
}

describe(`a stimulus has at most STIMULUS_PART_BUDGET = ${STIMULUS_PART_BUDGET} parts`, () => {
  const huge = sum(...steps(100_000));
  const message = new RegExp(`^current\\.parts: a stimulus may have at most ${STIMULUS_PART_BUDGET} parts`);

  it("a sum of 10⁵ steps is refused before any part is checked, by each entry point", () => {
    expect(() => validateStimulus(huge)).toThrow(message);
    expect(() => compileStimulus(huge)).toThrow(message);
    expect(() => stimulusLabel(huge)).toThrow(message);
    expect(() => simulate({params: RS, current: huge, duration: 1000})).toThrow(message);
    expect(() => simulate2007({...CELLS_2007.RS2007, current: huge})).toThrow(message);
    expect(() => simulateBatch({params: ONE, current: huge, duration: 10})).toThrow(message);
  });

  it("the error says what to change", () => {
    expect(() => validateStimulus(huge)).toThrow(
      /\(sums and overlays included\), got at least 100001; use fewer parts \(one pulses part makes a whole train\)$/
    );
  });

  it("every node counts, nested ones too; exactly the budget is accepted", () => {
    expect(() => validateStimulus(sum(...steps(STIMULUS_PART_BUDGET - 1)))).not.toThrow();
    expect(() => validateStimulus(sum(...steps(STIMULUS_PART_BUDGET)))).toThrow(message);
    // 1 + 10 groups of (budget/10 − 1) steps = budget + 1 nodes: the last group is the one that crosses the budget.
    const nested = sum(...Array.from({length: 10}, () => sum(...steps(STIMULUS_PART_BUDGET / 10 - 1))));
    expect(() => validateStimulus(nested)).toThrow(
      /^current\.parts\[9\]\.parts: a stimulus may have at most 100 parts \(sums and overlays included\), got at least 101;/
    );
  });

  it("a protocol with more segments than the budget allows is refused, naming its segments", () => {
    const segments = Array.from({length: STIMULUS_PART_BUDGET}, (_, i) => ({
      kind: "step" as const,
      t0: i,
      t1: i + 1,
      value: 1,
      closed: "left" as const
    }));
    expect(() => fromProtocol({baseline: 0, segments})).toThrow(
      /^current\.segments: at most 98 segments \(the limit of 100 parts per stimulus\), got 100$/
    );
    expect(() => fromProtocol({baseline: 0, segments: segments.slice(0, 98)})).not.toThrow();
  });
});

describe(`noise holds at most NOISE_SAMPLE_BUDGET = ${NOISE_SAMPLE_BUDGET} samples`, () => {
  it("a run whose noise needs more samples is refused, naming dt, the budget and what to change", () => {
    const fine = noise({mean: 5, sigma: 2, tau: 1, seed: 1, dt: 0.001});
    expect(() => simulate({params: RS, current: fine, duration: 3000, method: "euler"})).toThrow(
      /^current: noise at dt = 0.001 ms up to t = 3000 ms needs 3000001 samples, above the budget of 2097152 noise samples per stimulus; use a larger dt or a shorter window$/
    );
  });
  it("the explorer's largest noise (dt = 0.1 ms over a 10,000-ms run) is well inside", () => {
    const explorer = noise({mean: 5, sigma: 2, tau: 1, seed: 1, dt: 0.1});
    expect(compileStimulus(explorer, 10_000).value(9_999)).toEqual(expect.any(Number));
  });
});

describe(`simulateBatch has at most BATCH_NEURON_BUDGET = ${BATCH_NEURON_BUDGET} neurons`, () => {
  it("10⁷ neurons are refused before anything is allocated, naming the limit", () => {
    const a = new Uint8Array(10_000_000); // 10 MB, the caller's; simulateBatch used to allocate 2 GB more
    expect(() => simulateBatch({params: {a, b: a, c: a, d: a}, duration: 1})).toThrow(
      /^params\.a: at most 1000000 neurons per batch \(the limit, for memory\), got 10000000; split them into several batches$/
    );
  });
  it("one neuron over the budget is refused; the atlas's largest map (400 × 400) is accepted", () => {
    const over = new Float64Array(BATCH_NEURON_BUDGET + 1);
    expect(() => simulateBatch({params: {a: over, b: over, c: over, d: over}, duration: 1})).toThrow(
      /^params\.a: at most/
    );
    const map = new Float64Array(400 * 400).fill(0.02);
    const c = new Float64Array(400 * 400).fill(-65);
    expect(simulateBatch({params: {a: map, b: map, c, d: map}, duration: 1}).n).toBe(160_000);
  });
});

describe("a sparse parts array is refused, naming the missing index", () => {
  const parts: StimulusPart[] = [];
  parts[1] = dc(1);
  const sparse: Stimulus = {kind: "sum", parts};

  it("simulate, compileStimulus and validateStimulus name the hole, not an engine TypeError", () => {
    const message = /^current\.parts\[0\]: missing \(the array has a hole here\); every element must be a part$/;
    expect(() => simulate({params: RS, current: sparse, duration: 10})).toThrow(message);
    expect(() => compileStimulus(sparse)).toThrow(message);
    expect(() => validateStimulus({kind: "overlay", parts})).toThrow(message);
  });

  it("an element inherited from Array.prototype does not fill the hole", () => {
    (Array.prototype as unknown as Record<number, unknown>)[0] = dc(5);
    try {
      expect(() => compileStimulus(sparse)).toThrow(/^current\.parts\[0\]: missing/);
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[0];
    }
  });
});

/** An object whose `key` reads `first` once, then NaN: a check that reads it twice sees a different value. */
function readOnce<T extends object>(object: T, key: string, first: unknown): [T, () => number] {
  let reads = 0;
  Object.defineProperty(object, key, {enumerable: true, get: () => (reads++ === 0 ? first : NaN)});
  return [object, () => reads];
}

describe("options are read once: a getter cannot show the check one value and the run another", () => {
  it("simulate reads duration once and runs with the value it checked", () => {
    const [options, reads] = readOnce({params: RS, current: 10}, "duration", 100);
    const trace = simulate(options as never);
    expect(trace.t.length).toBe(3201);
    expect(reads()).toBe(1);
  });

  it("simulate reads each equation coefficient once", () => {
    const [equation, reads] = readOnce({}, "e", 0.04);
    const trace = simulate({params: RS, current: 10, duration: 100, equation});
    expect(trace.warnings).toEqual([]);
    expect(trace.spikes).toEqual(simulate({params: RS, current: 10, duration: 100}).spikes);
    expect(reads()).toBe(1);
  });

  it("a stimulus part's value is read once: the run's current is the checked one", () => {
    const [part] = readOnce({kind: "step", start: 10, end: 50}, "value", 5);
    const trace = simulate({params: RS, current: sum(part as StimulusPart, dc(1)), duration: 100, method: "euler"});
    expect(Math.max(...trace.I)).toBe(6);
    expect(trace.I.every(Number.isFinite)).toBe(true);
    const compiled = compileStimulus(readOnce({kind: "dc"}, "value", 3)[0] as StimulusPart);
    expect(compiled.value(1)).toBe(3);
  });

  it("simulate2007 and simulateBatch read duration once", () => {
    const [options2007, reads2007] = readOnce({...CELLS_2007.RS2007}, "duration", 100);
    expect(simulate2007(options2007 as never).t.at(-1)).toBe(100);
    expect(reads2007()).toBe(1);
    const [batch, readsBatch] = readOnce({params: ONE, current: 10}, "duration", 100);
    expect(simulateBatch(batch as never).steps).toBe(3200);
    expect(readsBatch()).toBe(1);
  });
});

describe("options inherited through Object.prototype are ignored", () => {
  const polluted = Object.prototype as unknown as Record<string, unknown>;
  const keys: string[] = [];
  const pollute = (key: string, value: unknown) => {
    keys.push(key);
    polluted[key] = value;
  };
  afterEach(() => {
    for (const key of keys.splice(0)) delete polluted[key];
  });

  it("simulate ignores a polluted maxSpikes (and dt, method)", () => {
    const clean = simulate({params: RS, current: 10, duration: 1000});
    pollute("maxSpikes", 1);
    pollute("dt", 0.5);
    pollute("method", "euler");
    const trace = simulate({params: RS, current: 10, duration: 1000});
    expect(trace.warnings).toEqual([]);
    expect(trace.spikes).toEqual(clean.spikes);
    expect(trace.method).toBe("adaptive");
  });

  it("simulate2007 and simulateBatch ignore a polluted maxSpikes", () => {
    pollute("maxSpikes", 1);
    expect(simulate2007({...CELLS_2007.RS2007, duration: 1000}).spikes.length).toBeGreaterThan(1);
    const r = simulateBatch({params: ONE, current: 10, duration: 1000});
    expect(r.counts[0]).toBeGreaterThan(1);
    expect(r.warnings).toEqual([]);
  });

  it("a polluted equation or window key does not change the model or the stimulus", () => {
    const clean = simulate({params: RS, current: step(10, 0), duration: 200, equation: {}});
    pollute("e", 0.05);
    pollute("end", 5);
    const trace = simulate({params: RS, current: step(10, 0), duration: 200, equation: {}});
    expect(trace.spikes).toEqual(clean.spikes);
    expect(trace.I[trace.I.length - 1]).toBe(10);
  });

  it("a part whose kind is only inherited is not a part", () => {
    const inherited = Object.create({kind: "dc", value: 3}) as StimulusPart;
    expect(() => compileStimulus(inherited)).toThrow(/^current\.kind: unknown stimulus part undefined/);
  });
});

describe("orbitDiagram reads only its options' own keys", () => {
  it("ignores a measure inherited through the prototype (it would be refused if read)", () => {
    const options = Object.create({measure: "bogus"});
    Object.assign(options, {params: {a: 0.02, b: 0.2, c: -65, d: 8}, current: 10, parameter: "I", values: [10]});
    expect(orbitDiagram(options).measure).toBe("isi");
  });
});
