/**
 * The network page's live view: drives the network (networkRunner.ts) a chunk per frame while playing, draws
 * each chunk's spikes on the raster at once and redraws the rate and spectrum charts twice a second. Its parts
 * are separate elements so the page can put prose between them.
 */
import {rowsToCSV} from "../../lib/export/csv.js";
import {setChartDownload} from "../charts/chartDownload.js";
import type {NetworkChunk} from "../../lib/index.js";
import {chunkMs, type NetworkDriver, type NetworkInfo} from "../../workers/networkRunner.js";
import {el} from "../dom.js";
import {rateChart, spectrumChart} from "./networkCharts.js";
import {
  DEFAULT_SETTINGS,
  networkControls,
  networkOptions,
  RESCALING,
  RESTARTING,
  settingsProblem,
  type NetworkSettings
} from "./networkControls.js";
import {neuronHref, neuronParameters} from "./neuronLink.js";
import {RasterCanvas} from "./rasterCanvas.js";
import {BANDS, RateHistory} from "./rateHistory.js";

const CHART_MS = 200; // one of the chart jobs runs this often (ms of wall time): each chart every 600 ms
const RATE_BIN = 5; // ms per bin of the rate chart

const hz = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} Hz` : "–");
const fmt = (x: number, digits = 3) => Number(x.toFixed(digits)).toString().replace("-", "−");

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = el("button", {type: "button", textContent: text, className: "network-button"});
  b.addEventListener("click", onClick);
  return b;
}

export function NetworkView(driver: NetworkDriver, initial: NetworkSettings = DEFAULT_SETTINGS) {
  const {controls, read} = networkControls(initial);
  let settings = read();
  let info: NetworkInfo | null = null;
  let building = false; // a start is on its way to the host: later requests reach the new network
  let history = new RateHistory(1, 0);
  let generation = 0;
  let playing = true;
  let busy = false;
  let spikes = 0;
  let dirty = true;
  let selected = -1;
  let disposed = false;

  // --- the parts ------------------------------------------------------------------------------------------
  const status = el("p", {className: "network-status", role: "status"});
  const readout = el("p", {className: "network-readout"});
  readout.setAttribute("aria-live", "off");
  const raster = RasterCanvas((neuron) => select(neuron));
  setChartDownload(raster, {
    name: "network-raster",
    describe: () => ({
      shows: "the spikes of the raster's current 1-s window",
      ...(info ? {n: info.n, ne: info.ne, connections: info.connections, seed: info.seed} : {})
    }),
    picture: () => raster.snapshot(2),
    csv: () => {
      const {neuron, time, ne} = raster.windowSpikes();
      return rowsToCSV(
        ["t_ms", "neuron", "population"],
        Array.from(neuron, (i, s) => [time[s]!, i, i < ne ? "excitatory" : "inhibitory"])
      );
    },
    json: () => raster.windowSpikes()
  });
  const playButton = button("Pause", () => (playing ? pause() : play()));
  playButton.setAttribute("aria-pressed", "true");
  const toolbar = el(
    "div",
    {className: "network-toolbar"},
    playButton,
    button("Step 1 ms", () => step(1)),
    button("Step one chunk", () => step(chunkMs(info?.n ?? 1000, driver.onMainThread))),
    button("Restart", () => restart())
  );
  const live = el("div", {className: "network-live"}, toolbar, status, readout, raster);

  const neuronInput = el("input", {type: "number", min: "0", step: "1", value: "", className: "network-neuron"});
  neuronInput.setAttribute("aria-label", "neuron index");
  neuronInput.addEventListener("change", () => select(Math.round(Number(neuronInput.value))));
  const neuronText = el("p", {className: "network-neuron-text"});
  const neuronPanel = el(
    "div",
    {className: "network-neuron-panel"},
    el("label", {}, "Neuron ", neuronInput),
    neuronText
  );

  const rateFigure = el("figure", {className: "network-chart network-rate"});
  const spectrumFigure = el("figure", {className: "network-chart network-spectrum"});
  // The charts are redrawn into boxes, so each figure keeps its Download menu (the data as shown last).
  const rateBox = el("div");
  const spectrumBox = el("div");
  rateFigure.append(rateBox);
  spectrumFigure.append(spectrumBox);
  let rates: ReturnType<typeof history.rates> = [];
  setChartDownload(rateFigure, {
    name: "network-rate",
    csv: () =>
      rowsToCSV(
        ["t", "population", "rate_Hz"],
        rates.map((r) => [r.t, r.population, r.rate])
      ),
    json: () => rates
  });
  setChartDownload(spectrumFigure, {
    name: "network-spectrum",
    csv: () => {
      const sp = spectrum?.spectrum;
      return rowsToCSV(["frequency_Hz", "power"], sp ? Array.from(sp.frequency, (f, k) => [f, sp.power[k]!]) : []);
    },
    json: () => spectrum?.spectrum ?? null
  });
  const spectrumText = el("p", {className: "network-spectrum-text"});

  const notice = el("p", {className: "network-notice"});
  notice.hidden = true;

  // --- running ----------------------------------------------------------------------------------------------
  function accept(chunk: NetworkChunk): void {
    raster.add(chunk.spikes);
    history.add(chunk);
    spikes += chunk.spikes.neuron.length;
    live.dataset.spikes = String(spikes);
    live.dataset.time = String(chunk.to);
    dirty = true;
  }

  function fail(error: unknown): void {
    status.textContent = `The network stopped: ${error instanceof Error ? error.message : String(error)}`;
    pause();
  }

  function pump(): void {
    if (!playing || busy || !info || disposed) return;
    busy = true;
    const mine = generation;
    driver
      .run(chunkMs(info.n, driver.onMainThread))
      .then((chunk) => {
        if (mine === generation) accept(chunk);
      }, fail)
      .finally(() => {
        busy = false;
        if (playing && !disposed) requestAnimationFrame(pump);
      });
  }

  function play(): void {
    playing = true;
    playButton.textContent = "Pause";
    playButton.setAttribute("aria-pressed", "true");
    live.dataset.playing = "true";
    pump();
  }

  function pause(): void {
    playing = false;
    playButton.textContent = "Play";
    playButton.setAttribute("aria-pressed", "false");
    live.dataset.playing = "false";
  }

  function step(ms: number): void {
    if (!info) return;
    pause();
    const mine = generation;
    driver.run(ms).then((chunk) => {
      if (mine === generation) accept(chunk);
    }, fail);
  }

  function restart(): void {
    settings = read();
    const problem = settingsProblem(settings);
    generation++;
    info = null;
    if (problem) {
      building = false;
      status.textContent = problem;
      return;
    }
    const mine = generation;
    building = true;
    status.textContent = `Building ${settings.size.toLocaleString("en")} neurons…`;
    driver.start(networkOptions(settings)).then(
      (built) => {
        if (mine !== generation) return;
        building = false;
        info = built;
        history = new RateHistory(built.ne, built.ni);
        spikes = 0;
        live.dataset.spikes = "0";
        live.dataset.time = "0";
        live.dataset.n = String(built.n);
        raster.reset(built.n, built.ne);
        const wiring = built.connections ? `${built.connections} random targets per neuron` : "all to all";
        status.textContent = `${built.ne.toLocaleString("en")} excitatory and ${built.ni.toLocaleString("en")} inhibitory neurons, ${wiring}, seed ${built.seed}.`;
        neuronInput.max = String(built.n - 1);
        select(selected >= 0 && selected < built.n ? selected : -1);
        dirty = true;
        if (playing) pump();
      },
      (error) => {
        if (mine !== generation) return;
        building = false;
        fail(error);
      }
    );
  }

  function rescale(): void {
    const next = read();
    settings = {...settings, weights: next.weights, noise: next.noise};
    if (info || building) driver.set({weights: next.weights, noise: next.noise}).catch(fail);
  }

  // Restarting controls rebuild after a short pause in input, so dragging a slider does not queue many builds.
  let pending: ReturnType<typeof setTimeout> | undefined;
  for (const key of RESTARTING) {
    controls[key].addEventListener("input", () => {
      clearTimeout(pending);
      pending = setTimeout(restart, 200);
    });
  }
  for (const key of RESCALING) controls[key].addEventListener("input", rescale);

  // --- the neuron panel ------------------------------------------------------------------------------------
  function select(neuron: number): void {
    if (!info || !(neuron >= 0 && neuron < info.n)) {
      selected = info ? -1 : selected;
      neuronText.replaceChildren(
        "Click a spike or a row of the raster, or type a neuron index, to see its parameters."
      );
      return;
    }
    selected = neuron;
    neuronInput.value = String(neuron);
    const p = neuronParameters(info, neuron);
    const link = el("a", {href: neuronHref(info, neuron), textContent: `Open neuron ${neuron} in the explorer`});
    neuronText.replaceChildren(
      `Neuron ${neuron} (${p.population}): a = ${fmt(p.a, 4)}, b = ${fmt(p.b, 4)}, c = ${fmt(p.c, 2)} mV, ` +
        `d = ${fmt(p.d, 2)}. `,
      link,
      " (alone, driven by a DC current)."
    );
  }

  // --- charts and readouts, a few times a second ----------------------------------------------------------
  // Each tick does one of three small jobs in turn (the rate chart, the spectrum, its chart), so that no task
  // holds the main thread long; the readout is cheap and follows every tick.
  let tick = 0;
  let spectrum: ReturnType<RateHistory["spectrum"]> = null;
  function redraw(): void {
    if (!dirty || disposed) return;
    const t = history.time;
    const mean = history.meanRate(1000);
    readout.textContent =
      t > 0
        ? `t = ${t} ms · mean rate over the last ${Math.min(t, 1000)} ms: ${hz(mean.all)} ` +
          `(excitatory ${hz(mean.excitatory)}, inhibitory ${hz(mean.inhibitory)})`
        : "t = 0 ms";
    readout.dataset.rate = String(mean.all);
    const width = Math.max(280, Math.floor(rateFigure.clientWidth || live.clientWidth || 640));
    const job = tick++ % 3;
    if (job === 0) rateBox.replaceChildren(rateChart((rates = history.rates(1000, RATE_BIN)), {width}));
    else if (job === 1) spectrum = history.spectrum(2048);
    else {
      dirty = false;
      const s = spectrum;
      spectrumBox.replaceChildren(spectrumChart(s?.spectrum ?? null, {width}));
      spectrumText.textContent = s
        ? `Strongest frequency in the alpha band: ${hz(s.peaks.alpha!)}; in the gamma band: ${hz(s.peaks.gamma!)} ` +
          `(from the last ${Math.min(t, 2048)} ms, ${s.spectrum.segments} segments of 256 ms).`
        : `The spectrum needs 256 ms of activity (${BANDS.length} bands marked).`;
    }
  }
  const timer = setInterval(() => {
    showNotice();
    redraw();
  }, CHART_MS);

  // Without a worker (or when it failed to load) the network runs on the page: say so.
  function showNotice(): void {
    if (!driver.onMainThread || !notice.hidden) return;
    notice.hidden = false;
    notice.textContent =
      "This browser does not run the network in a background thread here, so it runs on the page itself in " +
      "small pieces: it advances more slowly and the page may respond less smoothly.";
  }
  showNotice();
  live.dataset.playing = "true";
  restart();

  return {
    live,
    notice,
    neuronPanel,
    rateFigure,
    spectrumFigure,
    spectrumText,
    controls,
    dispose() {
      disposed = true;
      clearInterval(timer);
      clearTimeout(pending);
      driver.close();
    }
  };
}
