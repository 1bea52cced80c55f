import fc from "fast-check";
import {describe, expect, test} from "vitest";
import {
  DEFAULT_CELL,
  STORAGE_KEY,
  decodeCode,
  encodeCode,
  initialCells,
  loadStoredCells,
  parseCellsHash,
  scratchpadHref,
  serializeCells,
  storeCells
} from "../../src/state/scratchpadState.js";

/** A Storage stand-in backed by a Map. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    }
  };
}

describe("scratchpad state", () => {
  test("encodeCode and decodeCode round-trip any text, with URL-safe characters only", () => {
    fc.assert(
      fc.property(fc.string({unit: "grapheme"}), (text) => {
        const encoded = encodeCode(text);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCode(encoded)).toBe(text);
      })
    );
  });

  test("serializeCells and parseCellsHash round-trip the cells", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), {minLength: 1, maxLength: 5}), (cells) => {
        expect(parseCellsHash(`#${serializeCells(cells)}`)).toEqual({cells, notices: []});
      })
    );
  });

  test("scratchpadHref(code) links to the scratchpad with the code in its one cell", () => {
    const code = `import {simulate} from "izhikevich";\nconst t = simulate({duration: 10}); // <script>`;
    const href = scratchpadHref(code);
    expect(href.startsWith("/scratchpad#code=")).toBe(true);
    const url = new URL(href, "http://site.test");
    expect(parseCellsHash(url.hash).cells).toEqual([code]);
    expect(scratchpadHref("1", "./scratchpad")).toBe(`./scratchpad#code=${encodeCode("1")}`);
  });

  test("parseCellsHash never throws: unreadable cells become notices, no cells is null", () => {
    expect(parseCellsHash("")).toEqual({cells: null, notices: []});
    expect(parseCellsHash("#other=1")).toEqual({cells: null, notices: []});
    const bad = parseCellsHash(`#code=%%%&code=${encodeCode("ok")}&code=_w`);
    expect(bad.cells).toEqual(["ok"]);
    expect(bad.notices).toHaveLength(2);
    fc.assert(fc.property(fc.string(), (hash) => void parseCellsHash(hash)));
  });

  test("cells kept in storage come back; anything else stored there is ignored", () => {
    const storage = memoryStorage();
    expect(loadStoredCells(storage)).toBeNull();
    expect(storeCells(storage, ["a", "b"])).toBe(true);
    expect(loadStoredCells(storage)).toEqual(["a", "b"]);
    storage.setItem(STORAGE_KEY, "{not json");
    expect(loadStoredCells(storage)).toBeNull();
    storage.setItem(STORAGE_KEY, JSON.stringify([1, 2]));
    expect(loadStoredCells(storage)).toBeNull();
    expect(loadStoredCells(null)).toBeNull();
    expect(storeCells(null, ["a"])).toBe(false);
  });

  test("initialCells prefers the link (marked as such), then storage, then the example", () => {
    const storage = memoryStorage();
    expect(initialCells("", storage)).toEqual({cells: [DEFAULT_CELL], fromLink: false, notices: []});
    storeCells(storage, ["stored"]);
    expect(initialCells("", storage)).toEqual({cells: ["stored"], fromLink: false, notices: []});
    expect(initialCells(`#${serializeCells(["linked"])}`, storage)).toEqual({
      cells: ["linked"],
      fromLink: true,
      notices: []
    });
  });
});
