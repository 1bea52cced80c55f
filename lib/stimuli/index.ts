/**
 * Input currents as plain JSON data. A `Stimulus` is a number (a constant current) or a tree of parts: dc, step,
 * ramp, pulse trains, sine, chirp, frozen Ornstein–Uhlenbeck noise, and their sum or overlay. Being data, a
 * stimulus can be saved, put in a URL, drawn, and exported to other simulators; `compileStimulus` turns it into
 * an evaluator for the simulator.
 *
 * Units: t in ms; I in the paper's units (a current normalised by capacitance, entering v' directly, mV/ms);
 * frequencies in Hz; phases in radians.
 *
 * One file per kind (dc.ts, step.ts, …) holds its type, builder, validation, sampling, breakpoints and label;
 * registry.ts lists them.
 */
export {chirp, type ChirpPart} from "./chirp.js";
export {compileStimulus, type CompiledStimulus} from "./compileStimulus.js";
export {dc, type DcPart} from "./dc.js";
export {fromProtocol, type ProtocolCurrent, type ProtocolSegment} from "./fromProtocol.js";
export {isPiecewiseConstant} from "./isPiecewiseConstant.js";
export {BREAKPOINT_BUDGET, NOISE_SAMPLE_BUDGET, STIMULUS_LIMITS, STIMULUS_PART_BUDGET} from "./limits.js";
export {noise, type NoisePart} from "./noise.js";
export {overlay} from "./overlay.js";
export type {OverlayPart, Stimulus, StimulusPart, SumPart} from "./part.js";
export {pulses, type PulsesPart} from "./pulses.js";
export {ramp, type RampPart} from "./ramp.js";
export {STIMULUS_KINDS} from "./registry.js";
export {sine, type SinePart} from "./sine.js";
export {step, type StepPart} from "./step.js";
export {stimulusLabel} from "./stimulusLabel.js";
export {sum} from "./sum.js";
export {validateStimulus} from "./validateStimulus.js";
export {CLOSED_VALUES, type Closed, type Window} from "./window.js";
