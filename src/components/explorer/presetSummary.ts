/**
 * One line under the compact preset menus naming the chosen preset and what it does (the menus show only the
 * ids, so the description the reader chose by is not lost).
 */
import {presetOf, type PresetId, type PresetSet} from "../../state/urlState.js";
import type {ExplorerStore} from "../../state/store.js";
import type {ExplorerPreset} from "./explorer.js";

export function PresetSummary(store: ExplorerStore, presets: PresetSet<ExplorerPreset>): HTMLElement {
  const line = document.createElement("p");
  line.className = "preset-summary";
  line.setAttribute("aria-live", "polite");
  const show = (cls: PresetId) => {
    const p = presetOf(presets, cls as PresetId);
    line.textContent = `${cls.replace("_", " ")}: ${p.name ? `${p.name}. ` : ""}${p.description ?? ""}`;
  };
  show(store.value.cls);
  store.watch((state, {changed}) => changed.includes("cls") && show(state.cls));
  return line;
}
