// A static file server on 127.0.0.1 for the end-to-end tests and the demo:
// serves dist/ (the built widget) and tests/e2e/hosts/ (host pages), with the
// right MIME types and CORS, and gzip when asked. Records every request so
// tests can prove the widget makes none of its own.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
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
export async function serve({ roots, port = 0, gzip = false, headers = () => ({}), notFound = () => false }) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    const prefix = Object.keys(roots).sort((a, b) => b.length - a.length).find((p) => url.pathname.startsWith(p));
    if (!prefix || notFound(url.pathname)) { res.writeHead(404).end(); return; }
    const root = resolve(roots[prefix]);
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
    if (path.endsWith("/") || path === root) path = join(path, "index.html");
    try {
      let body = await readFile(path);
      const head = {
        "Content-Type": TYPES[extname(path)] || "application/octet-stream",
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-store",
        ...headers(url.pathname),
      };
      if (gzip && /gzip/.test(req.headers["accept-encoding"] || "")) {
        body = gzipSync(body, { level: 9 });
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
if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] || 8080);
  const s = await serve({ roots: { "/": "dist" }, port, gzip: true });
  console.log(`Demo: ${s.origin}/  (options demo: ${s.origin}/options.html). Ctrl-C to stop.`);
}
