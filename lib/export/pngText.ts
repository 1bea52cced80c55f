/**
 * Text metadata in PNG files: international text chunks (iTXt, UTF-8, uncompressed) written after the
 * header chunk, so a downloaded figure carries the parameters and stimulus it shows (PNG specification,
 * 3rd edition, §11.3.3.4; CRC-32 of §5.5 over the chunk's type and data).
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** CRC-32 (polynomial 0xEDB88320) table, made once. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function isPng(png: Uint8Array): boolean {
  return png.length >= 8 && SIGNATURE.every((b, i) => png[i] === b);
}

/** Keywords are 1–79 Latin-1 printable characters without leading, trailing or double spaces (§11.3.3.4). */
function checkKeyword(keyword: string): void {
  if (
    !/^[\x21-\x7e\xa1-\xff](?:[\x20-\x7e\xa1-\xff]{0,77}[\x21-\x7e\xa1-\xff])?$/.test(keyword) ||
    keyword.includes("  ")
  )
    throw new Error(`PNG text keyword must be 1–79 printable Latin-1 characters, got ${JSON.stringify(keyword)}`);
}

/** One iTXt chunk (length, type, data, CRC) holding `text` under `keyword`. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  checkKeyword(keyword);
  const encoder = new TextEncoder();
  const key = Uint8Array.from(keyword, (ch) => ch.charCodeAt(0));
  const body = encoder.encode(text);
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  data.set(body, key.length + 5);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(encoder.encode("iTXt"), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * A copy of `png` with one iTXt chunk per entry, placed right after the header chunk (IHDR). Throws on bytes
 * that are not a PNG or a keyword PNG does not allow.
 */
export function pngWithText(png: Uint8Array, entries: Record<string, string>): Uint8Array<ArrayBuffer> {
  if (!isPng(png)) throw new Error("not a PNG file (wrong signature)");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdrEnd = 8 + 12 + view.getUint32(8);
  const chunks = Object.entries(entries).map(([k, v]) => itxtChunk(k, v));
  const out = new Uint8Array(png.length + chunks.reduce((s, c) => s + c.length, 0));
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** The text chunks (tEXt and uncompressed iTXt) of a PNG, by keyword; throws on a chunk whose CRC is wrong. */
export function pngText(png: Uint8Array): Record<string, string> {
  if (!isPng(png)) throw new Error("not a PNG file (wrong signature)");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const decoder = new TextDecoder();
  const out: Record<string, string> = {};
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length))
      throw new Error(`PNG chunk ${type} at byte ${at} has a wrong CRC`);
    const nul = data.indexOf(0);
    const keyword = String.fromCharCode(...data.subarray(0, nul));
    if (type === "tEXt") out[keyword] = String.fromCharCode(...data.subarray(nul + 1));
    else if (type === "iTXt" && data[nul + 1] === 0) {
      // Skip the flags, then the language tag and the translated keyword (each NUL-terminated).
      let p = nul + 3;
      p = data.indexOf(0, p) + 1;
      p = data.indexOf(0, p) + 1;
      out[keyword] = decoder.decode(data.subarray(p));
    }
    if (type === "IEND") break;
    at += 12 + length;
  }
  return out;
}
