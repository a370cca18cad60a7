import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import { join, resolve } from "node:path";

/**
 * The "entra" test configuration, started by the sign-in tests themselves: the
 * test authority (tests/auth-stub/authority.mjs) and a second DevHost whose API
 * takes only that authority's tokens, reading the run the first DevHost
 * ingested (same storage and table prefix), serving the built dashboard with an
 * entra config.json. Needs CVC_STORAGE (test.sh sets it) and a built DevHost.
 */
export const API_AUDIENCE = "api://cvc-api-test";
export const CLIENT_ID = "cvc-dashboard-test";
const ROOT = resolve(process.cwd(), "../..");

export interface EntraHost { base: string; authority: string; stubHttp: string; stop(): Promise<void> }

export async function startEntraHost(): Promise<EntraHost> {
  const storage = process.env.CVC_STORAGE;
  if (!storage) throw new Error("CVC_STORAGE is not set: the sign-in tests start their own DevHost on the storage the e2e DevHost ingested into (test.sh sets it; or eval \"$(scripts/azurite.sh start DIR)\").");
  const processes: ChildProcess[] = [];
  const folders: string[] = [];
  const stop = async () => {
    for (const p of processes) p.kill();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  };
  try {
    const stub = spawn(process.execPath, [join(ROOT, "tests/auth-stub/authority.mjs"), "--client-id", CLIENT_ID, "--audience", API_AUDIENCE], { stdio: ["ignore", "pipe", "inherit"] });
    processes.push(stub);
    const started = JSON.parse(await firstLine(stub)) as { authority: string; metadata: string; https: string; http: string };

    const dist = mkdtempSync(join(tmpdir(), "cvc-entra-dist-"));
    folders.push(dist);
    cpSync(join(process.cwd(), "dist"), dist, { recursive: true });
    // The deployment hook's staticwebapp.config.json: the DevHost then sends its security headers, as Static Web Apps
    // would, with the test authority as the sign-in host. (Its config.json is replaced just below.)
    execFileSync("sh", [join(ROOT, "scripts/deploy/dashboard-config.sh")], {
      stdio: "ignore",
      env: { PATH: process.env.PATH, CVC_DASHBOARD_DIST: dist, API_URL: "https://func-cvc.example/api", AUTH_MODE: "entra",
        AUTH_CLIENT_ID: CLIENT_ID, AZURE_TENANT_ID: "tenant", AUTH_LOGIN_HOST: started.https },
    });
    writeFileSync(join(dist, "config.json"), JSON.stringify({
      apiBase: "/api", auth: "entra", clientId: CLIENT_ID, authority: started.authority,
      scopes: [`${API_AUDIENCE}/access_as_user`], knownAuthorities: [new URL(started.https).host],
    }));

    const port = await freePort();
    const host = spawn("dotnet", [devHostDll()], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env, ASPNETCORE_URLS: `http://127.0.0.1:${port}`, RunsStorage: storage, RunsContainer: "runs",
        TablePrefix: process.env.CVC_TABLE_PREFIX ?? "e2e", Dashboard__Path: dist, SweepIntervalSeconds: "3600",
        Logging__LogLevel__Default: "Warning",
        Auth__Mode: "entra", Auth__Authority: started.authority, Auth__MetadataAddress: started.metadata, Auth__Audience: API_AUDIENCE,
      },
    });
    processes.push(host);
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 150; i++) {
      const status = await fetch(`${base}/api/runs`).then((r) => r.status, () => 0);
      if (status === 401) return { base, authority: started.authority, stubHttp: started.http, stop };
      if (host.exitCode !== null) throw new Error(`The entra DevHost exited with code ${host.exitCode}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("The entra DevHost did not answer 401 on /api/runs within 30 s.");
  } catch (e) {
    await stop();
    throw e;
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolveLine(line));
    child.once("exit", (code) => reject(new Error(`The test authority exited with code ${code} before it listened.`)));
  });
}

function devHostDll(): string {
  const bin = join(ROOT, "src/DevHost/bin");
  const dlls = readdirSync(bin).map((c) => join(bin, c, "net10.0", "ClassVisCloud.DevHost.dll"))
    .filter((f) => { try { return statSync(f).isFile(); } catch { return false; } })
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!dlls.length) throw new Error(`No built DevHost under ${bin}: dotnet build src/DevHost first.`);
  return dlls[0];
}

function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => { const { port } = server.address() as { port: number }; server.close(() => resolvePort(port)); });
  });
}
