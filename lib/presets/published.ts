/**
 * What every published protocol preset shares: the {@link Preset} shape (complete `simulate` options with an id,
 * a name and a description) and the builder that turns figure1.m's numbers into one (docs/science.md §2.1).
 */
import type {Equation, Params} from "../models/izhikevich2003.js";
import type {SimulateOptions} from "../simulate.js";
import {fromProtocol, type ProtocolSegment} from "../stimuli/index.js";

/** A named, described, complete options object for `simulate`. */
export interface Preset extends SimulateOptions {
  id: string;
  name: string;
  description: string;
}

/**
 * A published protocol as `simulate` options: the figure's parameters, initial state, equation variant, step
 * τ (as dt), duration and current, integrated by figure1.m's own loop.
 */
export function published(
  id: string,
  name: string,
  description: string,
  params: Params,
  state: {v0: number; u0?: number; equation?: Partial<Equation>; dt: number; duration: number},
  baseline: number,
  segments: ProtocolSegment[]
): Preset {
  const {v0, u0 = params.b * v0, equation, dt, duration} = state;
  return {
    id,
    name,
    description,
    params,
    ...(equation ? {equation} : {}),
    v0,
    u0,
    current: fromProtocol({baseline, segments}),
    duration,
    dt,
    method: "paper2004",
    vPeak: 30
  };
}
