// The 2007 book's cells as the committed fixture records them (tests/fixtures/protocols.json, izh2007_cells).
import {readFileSync} from "node:fs";
import {PROTOCOLS_PATH} from "../fixtures/protocols.js";

export interface BookCell {
  id: string;
  C: number;
  k: number;
  vr: number;
  vt: number;
  vpeak: number;
  a: number;
  b: number | null;
  c: number;
  d: number;
  test_currents_pA: number[];
  T: number;
}
export const BOOK: BookCell[] = JSON.parse(readFileSync(PROTOCOLS_PATH, "utf8")).izh2007_cells.cells;
export const byId = (id: string) => BOOK.find((c) => c.id === id)!;
export const BASE_IDS = ["RS2007", "IB2007", "CH2007", "LTS2007", "FS2007", "TC2007", "RTN2007"] as const;
