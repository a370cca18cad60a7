import { spawn, type ChildProcess } from "node:child_process";
import { BASE_URL } from "./browser";

/**
 * The e2e tests need a host serving the API and dist/ (the DevHost, which
 * test.sh starts with the fortunes-han run ingested). For local development
 * only, CVC_FIXTURE=1 starts dev/fixture-server.mjs on the same port instead.
 */
async function reachable(): Promise<boolean> {
  try { return (await fetch(`${BASE_URL}/api/runs`)).ok; } catch { return false; }
}

export default async function setup(): Promise<() => void> {
  let fixture: ChildProcess | null = null;
  if (!(await reachable()) && process.env.CVC_FIXTURE === "1") {
    fixture = spawn(process.execPath, ["dev/fixture-server.mjs", "--port", new URL(BASE_URL).port || "80"], { stdio: "inherit" });
    for (let i = 0; i < 60 && !(await reachable()); i++) await new Promise((r) => setTimeout(r, 500));
  }
  if (!(await reachable())) {
    throw new Error(`No ClassVisCloud host answers at ${BASE_URL}/api/runs. Start the DevHost (dotnet run --project src/DevHost) with the fortunes-han run, or set CVC_FIXTURE=1 to use the development fixture.`);
  }
  const index = await fetch(`${BASE_URL}/`);
  if (!index.ok || !(await index.text()).includes('id="app"')) throw new Error(`${BASE_URL}/ does not serve the dashboard: run "npm run build" first.`);
  return () => { fixture?.kill(); };
}
