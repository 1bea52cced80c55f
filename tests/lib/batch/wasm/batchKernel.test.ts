import {readFile} from "node:fs/promises";
import {describe, expect, it} from "vitest";
import {BATCH_KERNEL_WASM} from "../../../../lib/batch/wasm/batchKernel.js";

describe("the WebAssembly batch kernel", () => {
  it("is the committed assembly of lib/batch/wasm/batchKernel.wat (run `node scripts/wasm.mjs` after editing it)", async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const {batchKernelModule, MODULE} = await import("../../../../scripts/wasm.mjs");
    expect(await readFile(MODULE, "utf8")).toBe(await batchKernelModule());
  });

  it("is small enough for Chromium to compile synchronously on a page's main thread (< 4 kB)", () => {
    const bytes = Buffer.from(BATCH_KERNEL_WASM, "base64");
    expect(bytes.length).toBeGreaterThan(500);
    expect(bytes.length).toBeLessThan(4096);
    expect(WebAssembly.validate(bytes)).toBe(true);
  });
});
