/** dc: a constant current, always active. */
import {checkFinite} from "./checks.js";
import {fmt} from "./format.js";
import type {CompiledNode, StimulusKind} from "./kind.js";
import {fillConstant} from "./sampling.js";

/** A constant current, always active. */
export interface DcPart {
  kind: "dc";
  /** Current (paper's units, mV/ms). */
  value: number;
}

/** A constant current (mV/ms). */
export function dc(value: number): DcPart {
  return {kind: "dc", value};
}

/** A compiled dc part. */
export interface DcNode extends CompiledNode {
  kind: "dc";
  value: number;
}

/** The handler of dc parts (see kind.ts). */
export const DC: StimulusKind<DcPart, DcNode> = {
  keys: ["kind", "value"],
  check(p, path) {
    checkFinite(p.value, `${path}.value`);
  },
  build: (p) => ({kind: "dc", value: p.value}),
  value: (n) => n.value,
  fill(n, buf, _t0, _dt, count, mode) {
    fillConstant(buf, 0, count, n.value, mode);
  },
  breakpoints() {},
  label: (p) => fmt(p.value),
  piecewiseConstant: () => true
};
