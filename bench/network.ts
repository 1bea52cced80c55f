// Speed of the 2003 network (lib/network/) against the same loop in C (bench/network.c, compiled here with gcc -O3
// -march=native -ffp-contract=off into .bench/), which draws the same random numbers and so must give the same
// spikes (checked: count and checksum). Two cases: net.m itself (800 + 200 neurons, all to all) and 10,000
// neurons with 100 targets each (weights ×10 = 1000/100, so each neuron gets net.m's mean input); 1000 ms each,
// seed 1. Rounds alternate C and JavaScript; each round times `repeats` fresh networks in each (the loop: the
// wall clock and the process's CPU time; building the network is reported apart).
// Run: `npm run bench:network` (`-- --rounds 7 --repeats 3`). A benchmark, not a test: it asserts nothing.
import {execFileSync} from "node:child_process";
import {compileC} from "./compileC.js";
import {createNetwork} from "../lib/network/index.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg("rounds", 5);
const repeats = arg("repeats", 3);
const duration = 1000;
const seed = 1;

interface Case {
  name: string;
  ne: number;
  ni: number;
  connections: number; // 0: all to all
  weights: {excitatory: number; inhibitory: number};
}
const CASES: Case[] = [
  {
    name: "net.m: 800 + 200 neurons, all to all",
    ne: 800,
    ni: 200,
    connections: 0,
    weights: {excitatory: 0.5, inhibitory: -1}
  },
  {
    name: "8000 + 2000 neurons, 100 targets each",
    ne: 8000,
    ni: 2000,
    connections: 100,
    weights: {excitatory: 5, inhibitory: -10}
  }
];

interface Timing {
  build: number;
  run: number;
  cpu: number;
  spikes: number;
  checksum: number;
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
const range = (values: number[], digits = 1) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

/** Builds bench/network.c (see compileC.ts); the binary's path, or null without gcc. */
function networkBinary(): string | null {
  try {
    return compileC("network");
  } catch (error) {
    console.log(
      `C reference unavailable (${error instanceof Error ? error.message.split("\n")[0] : error}); is gcc installed?`
    );
    return null;
  }
}

function runC(binary: string, c: Case): Timing[] {
  const args = [c.ne, c.ni, c.connections, duration, seed, repeats, c.weights.excitatory, c.weights.inhibitory];
  const out = execFileSync(binary, args.map(String), {encoding: "utf8"});
  return out
    .trim()
    .split("\n")
    .map((line) => {
      const [build, run, cpu, spikes, checksum] = line.split(" ").map(Number) as [
        number,
        number,
        number,
        number,
        number
      ];
      return {build, run, cpu, spikes, checksum};
    });
}

/** FNV-1a over (neuron, time) of every spike, as network.c computes it. */
function checksum(neuron: Int32Array, time: Float64Array): number {
  let h = 2166136261;
  for (let s = 0; s < neuron.length; s++) {
    h = Math.imul(h ^ neuron[s]!, 16777619) >>> 0;
    h = Math.imul(h ^ time[s]!, 16777619) >>> 0;
  }
  return h;
}

function runJs(c: Case): Timing {
  const t0 = performance.now();
  const network = createNetwork({
    seed,
    ne: c.ne,
    ni: c.ni,
    connections: c.connections || undefined,
    weights: c.weights
  });
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const chunk = network.step(duration);
  const cpu = process.cpuUsage(cpu0);
  const t2 = performance.now();
  return {
    build: t1 - t0,
    run: t2 - t1,
    cpu: (cpu.user + cpu.system) / 1000,
    spikes: chunk.spikes.neuron.length,
    checksum: checksum(chunk.spikes.neuron, chunk.spikes.time)
  };
}

const binary = networkBinary();
console.log(
  `2003 network, ${duration} ms (seed ${seed}): ${rounds} alternating rounds of ${repeats} fresh runs each, C then JavaScript`
);
for (const c of CASES) {
  runJs(c); // warm-up: compiles the loops
  const C: Timing[] = [];
  const J: Timing[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const cRound = binary ? runC(binary, c) : [];
    const jRound = Array.from({length: repeats}, () => runJs(c));
    C.push(...cRound);
    J.push(...jRound);
    if (cRound.length) {
      ratios.push(median(jRound.map((t) => t.run)) / median(cRound.map((t) => t.run)));
      cpuRatios.push(median(jRound.map((t) => t.cpu)) / median(cRound.map((t) => t.cpu)));
    }
  }
  const same = C.every((t) => t.spikes === J[0]!.spikes && t.checksum === J[0]!.checksum);
  console.log(`\n${c.name}: ${J[0]!.spikes} spikes (${(J[0]!.spikes / (c.ne + c.ni)).toFixed(2)} Hz per neuron)`);
  if (C.length) console.log(`  same spikes in C and JavaScript: ${same ? "yes" : "NO"} (checksum ${J[0]!.checksum})`);
  const row = (label: string, t: Timing[]) =>
    console.log(
      `  ${label.padEnd(11)} loop ${range(t.map((x) => x.run))} ms wall, ${range(t.map((x) => x.cpu))} ms CPU; ` +
        `build ${range(t.map((x) => x.build))} ms; ${(duration / median(t.map((x) => x.run))).toFixed(0)}× real time ` +
        `(${(duration / median(t.map((x) => x.cpu))).toFixed(0)}× by CPU time)`
    );
  if (C.length) row("C", C);
  row("JavaScript", J);
  if (ratios.length)
    console.log(`  JS/C per round (medians): wall ${range(ratios, 2)}, CPU ${range(cpuRatios, 2)}; goal ≤ 4`);
}
