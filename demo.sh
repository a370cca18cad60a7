#!/usr/bin/env bash
# The live demo: installs what is missing, starts Azurite (unless something already listens on its ports),
# generates a realistic training run, starts the DevHost (API + dashboard), uploads the run epoch by epoch
# as a training script would (the dashboard fills in live), and prints the dashboard's URL.
# Ctrl-C (or SIGTERM, SIGHUP) stops everything this script started, Azurite included, and nothing else.
#   ./demo.sh [--samples 4000] [--classes 12] [--epochs 15] [--delay-ms 1500] [--run demo-pathology] [--func]
# --func: the Functions app itself under Azure Functions Core Tools (`func start`, which must be on the PATH)
# instead of the DevHost, with the RunGenerator's Event Grid relay delivering each upload to its blob trigger.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
samples=4000; classes=12; epochs=15; delay=1500; run=demo-pathology; func_mode=0
while [ $# -gt 0 ]; do
  case "$1" in
    --samples) samples="$2"; shift 2;;
    --classes) classes="$2"; shift 2;;
    --epochs) epochs="$2"; shift 2;;
    --delay-ms) delay="$2"; shift 2;;
    --run) run="$2"; shift 2;;
    --func) func_mode=1; shift;;
    -h|--help) sed -n '2,8p' "$0"; exit 0;;
    *) echo "Unknown option $1 (see --help)"; exit 1;;
  esac
done
if [ "$func_mode" = 1 ] && ! command -v func >/dev/null; then
  echo "./demo.sh --func needs Azure Functions Core Tools (the \`func\` command, version 4), and func is not on the PATH."
  echo "Install them (https://learn.microsoft.com/azure/azure-functions/functions-run-local), or run ./demo.sh"
  echo "without --func: the DevHost serves the same functions without Core Tools."
  exit 3
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
state="$root/.demo"; mkdir -p "$state"
step() { printf '\n== %s\n' "$1"; }
pids=(); azurite_pid=""
running() { local stat; stat=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${stat#Z}" = "$stat" ]; }
# Stops processes gracefully (SIGTERM), and for good (SIGKILL) if they are still there after $1 seconds.
stop() {
  local grace=$1 pid left; shift
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null || true
  for _ in $(seq 1 $((grace * 5))); do
    left=0; for pid in "$@"; do if running "$pid"; then left=1; fi; done
    [ $left = 0 ] && return 0
    sleep 0.2
  done
  kill -KILL "$@" 2>/dev/null || true
}
cleanup() {
  trap - INT TERM HUP EXIT
  [ ${#pids[@]} -gt 0 ] || [ -n "$azurite_pid" ] || return 0
  echo; echo "Stopping what the demo started..."
  # The DevHost and the upload first (the DevHost gives back its ingest lease as it stops), then their storage.
  stop 10 "${pids[@]}"
  # Azurite keeps nothing (in memory) and can hang closing its servers, which once left it running: a short grace.
  [ -z "$azurite_pid" ] || stop 3 "$azurite_pid"
  wait 2>/dev/null || true
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap 'cleanup; exit 129' HUP
trap cleanup EXIT

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed (dotnet)."; exit 1; }
command -v node >/dev/null || { echo "Node.js 20 is needed (node, npm)."; exit 1; }

step "1/6 Installing what is missing (Azurite, .NET build, dashboard build)"
scripts/npm-install.sh tools/azurite
# No build servers: they would outlive the demo. (func start builds src/Functions itself.)
[ "$func_mode" = 1 ] || dotnet build src/DevHost -c Release -nologo -clp:ErrorsOnly -v quiet --disable-build-servers
dotnet build tools/RunGenerator -c Release -nologo -clp:ErrorsOnly -v quiet --disable-build-servers
# The built tools are run directly (not by "dotnet run", whose child would outlive a stop of its parent).
generator="$root/tools/RunGenerator/bin/Release/net10.0/ClassVisCloud.RunGenerator.dll"
if [ -f src/Dashboard/package.json ]; then
  scripts/npm-install.sh src/Dashboard
  (cd src/Dashboard && npm run build --silent)
fi

step "2/6 Storage: Azurite"
eval "$(scripts/azurite.sh start-default "$state/azurite")"
azurite_pid="$AZURITE_PID"

step "3/6 Generating a run: $samples samples, $classes classes, $epochs epochs, with attention"
rm -rf "$state/run"
dotnet "$generator" generate --out "$state/run" \
  --samples "$samples" --classes "$classes" --epochs "$epochs" --attention --seed 7

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_devhost() {
  step "4/6 Starting the DevHost"
  port=7071
  if taken $port; then
    port=$(free_port)
    echo "Port 7071 is taken; using $port."
  fi
  url="http://127.0.0.1:$port"
  ASPNETCORE_URLS="$url" RunsStorage="$CVC_STORAGE" Dashboard__Path="$root/src/Dashboard/dist" \
    dotnet "$(ls -t src/DevHost/bin/Release/net10.0/ClassVisCloud.DevHost.dll | head -n1)" >"$state/devhost.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -sf "$url/api/runs" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "$url/api/runs" >/dev/null || { echo "The DevHost did not start; see $state/devhost.log"; exit 1; }
  dashboard="$url"; logs="DevHost log: $state/devhost.log"
}

start_func() {
  step "4/6 Starting the Functions app (func start), the Event Grid relay and the dashboard"
  # func reads src/Functions/local.settings.json: storage on Azurite's default ports (UseDevelopmentStorage=true),
  # the SweepSchedule setting the timer needs (every 10 s), CORS for the dashboard.
  if [ ! -f src/Functions/local.settings.json ]; then
    cp local.settings.sample.json src/Functions/local.settings.json
    echo "Wrote src/Functions/local.settings.json from local.settings.sample.json."
  elif ! grep -q '"SweepSchedule"' src/Functions/local.settings.json; then
    echo "Note: src/Functions/local.settings.json has no SweepSchedule; the host will not index the sweep (see local.settings.sample.json)."
  fi
  port=7071
  if taken $port; then port=$(free_port); echo "Port 7071 is taken; using $port."; fi
  url="http://127.0.0.1:$port"
  # Core Tools builds the project (dotnet build --output bin/output), then starts the host and the worker.
  (cd src/Functions && exec func start --port "$port") >"$state/func.log" 2>&1 &
  local func_pid=$!
  pids+=($func_pid)
  # Event Grid's part: a BlobCreated event per upload, posted to the blob trigger's webhook. The relay retries
  # until the host answers, validates the webhook (the subscription handshake), then prints each delivery.
  dotnet "$generator" relay --connection "$CVC_STORAGE" \
    --webhook "http://localhost:$port/runtime/webhooks/blobs?functionName=Host.Functions.IngestRunBlob" \
    > >(tee "$state/relay.log") 2>&1 &
  pids+=($!)
  echo "Waiting for func start (it builds the app first; log: $state/func.log)..."
  for _ in $(seq 1 600); do
    curl -sf "$url/api/runs" >/dev/null 2>&1 && break
    kill -0 "$func_pid" 2>/dev/null || { echo "func start ended; the end of $state/func.log:"; tail -n 30 "$state/func.log"; exit 1; }
    sleep 0.5
  done
  curl -sf "$url/api/runs" >/dev/null || { echo "The Functions host did not answer within 5 minutes; see $state/func.log"; exit 1; }
  # The built dashboard with /api proxied to the Functions host (vite preview; vite.config.ts reads CVC_API).
  local dport=5173
  if taken $dport; then dport=$(free_port); fi
  (cd src/Dashboard && CVC_API="$url" exec node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port "$dport" --strictPort) \
    >"$state/dashboard.log" 2>&1 &
  pids+=($!)
  dashboard="http://127.0.0.1:$dport"
  for _ in $(seq 1 100); do curl -sf "$dashboard/" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "$dashboard/" >/dev/null || { echo "The dashboard server did not start; see $state/dashboard.log"; exit 1; }
  logs="logs: $state/func.log, $state/relay.log, $state/dashboard.log"
}

if [ "$func_mode" = 1 ]; then start_func; else start_devhost; fi

step "5/6 Uploading the run epoch by epoch, as a training script would"
dotnet "$generator" upload --from "$state/run" --run "$run" \
  --connection "$CVC_STORAGE" --delay-ms "$delay" &
pids+=($!)

step "6/6 Ready"
echo "Dashboard: $dashboard/?run=$run"
echo "API:       $url/api/runs/$run"
echo "($logs; Ctrl-C stops the demo)"
wait
