// A static file server on 127.0.0.1 for the end-to-end tests and the demo:
// serves dist/ (the built widget) and tests/e2e/hosts/ (host pages), with the
// right MIME types and CORS, and gzip when asked. Records every request so
// tests can prove the widget makes none of its own.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json", ".png": "image/png",
  ".svg": "image/svg+xml",
};

/**
 * Starts a server. `roots` maps URL prefixes to folders, e.g. { "/": "dist" }.
 * `headers(path)` may add headers (say, a Content-Security-Policy) per request;
 * `notFound(path)` returning true answers 404 (say, for every .wasm file).
 */
export async function serve({ roots, port = 0, gzip = false, cors = true, headers = () => ({}), notFound = () => false }) {
  const requests = [];
  // Longest prefix first, so "/dist/" wins over "/".
  const mounts = Object.entries(roots).sort(([a], [b]) => b.length - a.length).map(([prefix, dir]) => [prefix, resolve(dir)]);
  // Each file is compressed once per version, as a CDN serves pre-compressed
  // files; compressing on every request would put server time into the benchmark.
  const compressed = new Map(); // path -> { mtimeMs, body }
  const gzipped = async (path, body) => {
    const { mtimeMs } = await stat(path);
    let hit = compressed.get(path);
    if (hit?.mtimeMs !== mtimeMs) compressed.set(path, hit = { mtimeMs, body: gzipSync(body, { level: 9 }) });
    return hit.body;
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    const [prefix, root] = mounts.find(([p]) => url.pathname.startsWith(p)) ?? [];
    if (!prefix || notFound(url.pathname)) { res.writeHead(404).end(); return; }
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (path !== root && !path.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    if (path.endsWith(sep) || path === root) path = join(path, "index.html");
    try {
      let body = await readFile(path);
      const head = {
        "Content-Type": TYPES[extname(path)] || "application/octet-stream",
        ...(cors ? { "Access-Control-Allow-Origin": "*" } : {}),
        "Cache-Control": "no-store",
        ...headers(url.pathname),
      };
      if (gzip && /gzip/.test(req.headers["accept-encoding"] || "")) {
        body = await gzipped(path, body);
        head["Content-Encoding"] = "gzip";
      }
      res.writeHead(200, head).end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// `node tests/e2e/server.mjs [port]` serves the demo from dist/.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] || 8080);
  const s = await serve({ roots: { "/": "dist" }, port, gzip: true });
  console.log(`Demo: ${s.origin}/  (options demo: ${s.origin}/options.html). Ctrl-C to stop.`);
}
