// Development stand-in for the DevHost: the API over the real fortunes-han run
// (and optionally a synthetic one for speed), plus dist/ at "/".
//   node dev/fixture-server.mjs [--port 7071] [--data DIR] [--synthetic 100000x70x10] [--no-real]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRealRun } from "./fixture/realRun.mjs";
import { syntheticRun } from "./fixture/syntheticRun.mjs";
import { createApi } from "./fixture/routes.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const port = Number(option("--port", process.env.PORT ?? 7071));
const here = fileURLToPath(new URL(".", import.meta.url));
const dist = join(here, "..", "dist");

const runs = [];
if (!args.includes("--no-real")) runs.push(await loadRealRun(option("--data", join(here, "..", "..", "..", "tests", "data", "fortunes-han"))));
for (const spec of args.flatMap((a, i) => (a === "--synthetic" ? [args[i + 1]] : []))) {
  const [n, c, e] = spec.split("x").map(Number);
  runs.push(syntheticRun(n, c, e || 10));
}
const api = createApi(runs);
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png" };

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  try {
    if (url.pathname.startsWith("/api/")) {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const r = await api(req.method, url, Buffer.concat(chunks).toString("utf8"));
      res.writeHead(r.status, { "content-type": r.type, "content-length": Buffer.byteLength(r.body) });
      return res.end(r.body);
    }
    const path = normalize(url.pathname === "/" ? "/index.html" : url.pathname).replace(/^(\.\.[/\\])+/, "");
    const body = await readFile(join(dist, path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    res.end(body);
  } catch (e) {
    const missing = e.code === "ENOENT";
    res.writeHead(missing ? 404 : 500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: missing ? "not found" : "server error", detail: missing ? "" : String(e.message) }));
  }
}).listen(port, "127.0.0.1", () => console.log(`fixture API on http://127.0.0.1:${port}/api (${runs.map((r) => r.run).join(", ")})`));
