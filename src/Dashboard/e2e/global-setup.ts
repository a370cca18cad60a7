/**
 * The e2e tests need a host serving the API and dist/: the DevHost with the
 * fortunes-han run and the generated 1,000-class run (generated-5000x1000)
 * ingested, as test.sh starts it with scripts/e2e-host.sh.
 */
import { BASE_URL } from "./browser";

async function reachable(): Promise<boolean> {
  try { return (await fetch(`${BASE_URL}/api/runs`)).ok; } catch { return false; }
}

export default async function setup(): Promise<void> {
  if (!(await reachable())) {
    throw new Error(`No ClassVisCloud host answers at ${BASE_URL}/api/runs. Start the DevHost with the fortunes-han run and a generated 1,000-class run: eval "$(scripts/azurite.sh start DIR)"; CVC_GENERATED="5000x1000x3" scripts/e2e-host.sh start DIR (it prints CVC_BASE_URL), from the repository root, after building src/DevHost and tools/RunGenerator in Release.`);
  }
  const index = await fetch(`${BASE_URL}/`);
  if (!index.ok || !(await index.text()).includes('id="app"')) throw new Error(`${BASE_URL}/ does not serve the dashboard: run "npm run build" first.`);
}
