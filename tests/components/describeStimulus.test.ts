import {describe, expect, it} from "vitest";
import {describeStimulus} from "../../src/components/describeStimulus.js";
import {CLASSES} from "../../lib/index.js";

describe("describeStimulus(stimulus)", () => {
  it("describes each class's published protocol as the paper states it", () => {
    expect(describeStimulus(CLASSES.RS.current)).toBe("14 for t > 15 ms");
    expect(describeStimulus(CLASSES.TC.current)).toBe("1.5 for t > 30 ms");
    expect(describeStimulus(CLASSES.TC_burst.current)).toBe("−25, then 0 for t > 45 ms");
    expect(describeStimulus(CLASSES.RZ.current)).toBe("−2, then −0.5 for t > 10 ms, then 10 on (60, 65) ms");
  });

  it("describes numbers, windows, trains, sums and unknown parts", () => {
    expect(describeStimulus(3.5)).toBe("3.5");
    expect(describeStimulus({kind: "step", value: 2, start: 0, end: 45, closed: "both"})).toBe("2 for t ≤ 45 ms");
    expect(describeStimulus({kind: "step", value: 2, start: 10, end: 20})).toBe("2 on [10, 20) ms");
    expect(describeStimulus({kind: "pulses", amplitude: 10, start: 20, width: 5, period: 50, count: 3})).toBe(
      "3 pulses of 10, 5 ms long every 50 ms from t = 20 ms"
    );
    expect(describeStimulus({kind: "sum", parts: [{kind: "dc", value: 1}, {kind: "ramp", from: 0, slope: -0.5, start: 5}]})).toBe(
      "1 + 0 − 0.5·(t − 5) for t ≥ 5 ms"
    );
    expect(describeStimulus({kind: "mystery"})).toBe("a custom current");
    expect(describeStimulus(null)).toBe("none");
  });
});
