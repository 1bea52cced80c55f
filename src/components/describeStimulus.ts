/**
 * Plain-language descriptions of stimuli (the library's Stimulus part trees), for labels such as
 * "protocol of RS: 14 for t > 15 ms". Pure; unknown kinds are described generically, never thrown on.
 */
import {fmt} from "./chart.js";

type Closed = "open" | "left" | "right" | "both";

/** A loosely typed stimulus part: what the describer reads. */
interface Part {
  kind?: string;
  value?: number;
  from?: number;
  slope?: number;
  start?: number;
  end?: number | null;
  closed?: Closed;
  amplitude?: number;
  width?: number;
  period?: number;
  count?: number | null;
  frequency?: number;
  f0?: number;
  f1?: number;
  mean?: number;
  sigma?: number;
  tau?: number;
  seed?: number;
  parts?: Part[];
}

/** Describes a stimulus: a number, or a part tree. */
export function describeStimulus(stimulus: unknown): string {
  if (typeof stimulus === "number") return fmt(stimulus);
  if (stimulus === null || typeof stimulus !== "object") return "none";
  return describePart(stimulus as Part);
}

function describePart(p: Part): string {
  switch (p.kind) {
    case "dc":
      return fmt(p.value);
    case "step":
      return `${fmt(p.value)} ${window(p)}`.trim();
    case "ramp":
      return `${fmt(p.from)} ${p.slope! < 0 ? "−" : "+"} ${fmt(Math.abs(p.slope ?? 0))}·(t − ${fmt(p.start)}) ${window(p)}`.trim();
    case "pulses":
      return `${p.count == null ? "" : `${p.count} `}pulses of ${fmt(p.amplitude)}, ${fmt(p.width)} ms long every ${fmt(p.period)} ms from t = ${fmt(p.start)} ms`;
    case "sine":
      return `sine of amplitude ${fmt(p.amplitude)} at ${fmt(p.frequency)} Hz ${window(p)}`.trim();
    case "chirp":
      return `chirp of amplitude ${fmt(p.amplitude)} from ${fmt(p.f0)} to ${fmt(p.f1)} Hz ${window(p)}`.trim();
    case "noise":
      return `noise of mean ${fmt(p.mean)}, σ ${fmt(p.sigma)}, τ ${fmt(p.tau)} ms (seed ${p.seed ?? 0}) ${window(p)}`.trim();
    case "sum":
      return (p.parts ?? []).map(describePart).join(" + ") || "0";
    case "overlay": {
      // A zero baseline first is implicit ("14 for t > 15 ms" rather than "0, then 14 for t > 15 ms").
      const parts = p.parts ?? [];
      const shown = parts.length > 1 && parts[0].kind === "dc" && parts[0].value === 0 ? parts.slice(1) : parts;
      return shown.map(describePart).join(", then ") || "0";
    }
    default:
      return "a custom current";
  }
}

/** The time window of a part, "for t > 15 ms", "on (60, 65) ms", "for t ≤ 45 ms"; "" if always on. */
function window(p: Part): string {
  const start = p.start ?? 0;
  const end = p.end ?? null;
  const closed = p.closed ?? "left";
  const leftClosed = closed === "left" || closed === "both";
  const rightClosed = closed === "right" || closed === "both";
  if (end === null || !Number.isFinite(end)) {
    if (start <= 0 && leftClosed) return "";
    return `for t ${leftClosed ? "≥" : ">"} ${fmt(start)} ms`;
  }
  if (start <= 0 && leftClosed) return `for t ${rightClosed ? "≤" : "<"} ${fmt(end)} ms`;
  return `on ${leftClosed ? "[" : "("}${fmt(start)}, ${fmt(end)}${rightClosed ? "]" : ")"} ms`;
}
