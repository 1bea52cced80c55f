// The project's static server (scripts/serve.mjs) accepts the long addresses a page's state can make (Node's default
// answered a bare 431 over 16 kB) and answers a path starting with // (which a URL parser reads as a host, and
// "//" alone made it throw) with a 404, serving every ordinary page as before.
import {request} from "node:http";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {MAX_HEADER_BYTES, requestPath, startServer} from "../../scripts/serve.mjs";

/** GETs a raw request target (sent as written, unlike fetch, which would normalise it). */
function get(
  url: string,
  target: string,
  headers: Record<string, string> = {}
): Promise<{status: number; body: string}> {
  const {hostname, port} = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({hostname, port, path: target, headers}, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({status: res.statusCode ?? 0, body}));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("scripts/serve.mjs", () => {
  let root: string;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "serve-test-"));
    await writeFile(join(root, "index.html"), "<h1>home</h1>");
    await writeFile(join(root, "page.html"), "<h1>page</h1>");
    server = await startServer({root, port: 0});
  });
  afterAll(async () => {
    await server?.close();
    await rm(root, {recursive: true, force: true});
  });

  it("serves pages by their clean URLs", async () => {
    expect(await get(server.url, "/")).toEqual({status: 200, body: "<h1>home</h1>"});
    expect(await get(server.url, "/page?x=1#y")).toEqual({status: 200, body: "<h1>page</h1>"});
    expect((await get(server.url, "/missing")).status).toBe(404);
  });

  it("serves a page whose address is 100 kB, and one of 1 MB with a 1-MB Referer", async () => {
    const state = "x".repeat(100_000);
    expect(await get(server.url, `/page?s=${state}`)).toEqual({status: 200, body: "<h1>page</h1>"});
    const huge = `/?s=${"y".repeat(2 ** 20)}`;
    const referer = `${server.url}page?s=${"z".repeat(2 ** 20)}`;
    expect(await get(server.url, huge, {Referer: referer})).toEqual({status: 200, body: "<h1>home</h1>"});
    expect(MAX_HEADER_BYTES).toBeGreaterThanOrEqual(2 ** 20);
  });

  it("answers a path that starts with // with a 404 and keeps serving", async () => {
    for (const target of ["//x", "//", "//x:99999/page", "//page"])
      expect((await get(server.url, target)).status).toBe(404);
    expect((await get(server.url, "/page")).status).toBe(200);
  });

  it("requestPath keeps plain absolute paths only", () => {
    expect(requestPath("/a/b?x=1#y")).toBe("/a/b");
    expect(requestPath("/")).toBe("/");
    expect(requestPath("//x")).toBeNull();
    expect(requestPath("http://host/x")).toBeNull();
    expect(requestPath("*")).toBeNull();
  });
});
