#!/usr/bin/env node
// A tiny static server for the built site (dist/), with no dependencies, for browser tests, the browser
// benchmark and screenshots. It listens on 127.0.0.1 only and maps Observable Framework's clean URLs:
//   /            -> index.html
//   /foo         -> foo.html (or foo/index.html)
//   /dir/        -> dir/index.html
//   /file.js     -> file.js
// Unknown paths get status 404 (with dist/404.html as the body when it exists), and so does a path that is not a
// plain absolute path (such as //x, which a URL parser would read as a host name).
// Headers may be long (MAX_HEADER_BYTES): a page's whole state can be in its address.
//
// Usage: node scripts/serve.mjs [--port N] [--dir PATH]   (or PORT=N; default port 4321, dir dist)
// As a module: const {server, url, close} = await startServer({root, port: 0});

import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer} from "node:http";
import {dirname, extname, join, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const defaultRoot = resolve(here, "..", "dist");

/**
 * The largest request head accepted (8 MB). A page keeps its state in its address, Chromium allows addresses of
 * up to 2 MB, and every request a page makes repeats its address as Referer; Node's default of 16 kB answered
 * such addresses with a bare 431.
 */
export const MAX_HEADER_BYTES = 8 * 2 ** 20;

const types = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.file"
};

export function contentType(file) {
  return types[extname(file).toLowerCase()] ?? "application/octet-stream";
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The path of a request target ("/a/b?x=1#y" → "/a/b"), or null unless it is a plain absolute path: "//x" and
 * "http://host/x" are not (no URL parser is involved, so nothing here can throw).
 */
export function requestPath(target) {
  const end = target.search(/[?#]/);
  const path = end < 0 ? target : target.slice(0, end);
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}

/** The file under root that serves the URL path, or null. Never resolves outside root. */
export async function resolvePath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes("\0") || !path.startsWith("/")) return null;
  const full = resolve(root, "." + path);
  if (full !== root && !full.startsWith(root + sep)) return null;
  const candidates = path.endsWith("/") ? [join(full, "index.html")] : [full, full + ".html", join(full, "index.html")];
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return null;
}

function send(req, res, status, file, size) {
  res.writeHead(status, {
    "Content-Type": contentType(file),
    "Content-Length": size,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff"
  });
  if (req.method === "HEAD") return void res.end();
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

/** Starts the server; resolves once it listens. port 0 picks a free port. */
export async function startServer({root = defaultRoot, port = 4321, host = "127.0.0.1"} = {}) {
  root = resolve(root);
  if (!(await isFile(join(root, "index.html")))) {
    throw new Error(`${root}/index.html not found: build the site first (npm run build).`);
  }
  const server = createServer({maxHeaderSize: MAX_HEADER_BYTES}, async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, {Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"});
        return void res.end("method not allowed\n");
      }
      const pathname = requestPath(req.url ?? "/");
      const file = pathname === null ? null : await resolvePath(root, pathname);
      if (file) return send(req, res, 200, file, (await stat(file)).size);
      const notFound = join(root, "404.html");
      if (await isFile(notFound)) return send(req, res, 404, notFound, (await stat(notFound)).size);
      res.writeHead(404, {"Content-Type": "text/plain; charset=utf-8"});
      res.end("not found\n");
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, {"Content-Type": "text/plain; charset=utf-8"});
      res.end("internal error\n");
      console.error(error);
    }
  });
  await new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === "object" && address ? address.port : port}/`;
  const close = () =>
    new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return {server, url, close};
}

function parseArgs(argv) {
  const options = {port: Number(process.env.PORT ?? 4321), root: defaultRoot};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [key, inline] = arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (key === "--port" || key === "-p") options.port = Number(value());
    else if (key === "--dir" || key === "--root") options.root = resolve(value());
    else if (key === "--help" || key === "-h") {
      console.log("usage: node scripts/serve.mjs [--port N] [--dir PATH]");
      process.exit(0);
    } else {
      console.error(`serve: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error(`serve: bad port ${options.port}`);
    process.exit(2);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const {port, root} = parseArgs(process.argv.slice(2));
  try {
    const {url, close} = await startServer({root, port});
    console.log(`Serving ${root} at ${url}`);
    const stop = () => close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    console.error(`serve: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
