#!/usr/bin/env bash
# Starts the built DevHost on a free port against $CVC_STORAGE, uploads the real run in tests/data
# (as a training script would), waits until every epoch and attention file is ingested, and prints the shell lines to use it:
#   DEVHOST_PID=...  CVC_BASE_URL=http://127.0.0.1:PORT
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${2:-$(mktemp -d)}"; mkdir -p "$dir"
run_dir="$root/tests/data/fortunes-han"
epochs=$(ls "$run_dir" | grep -cE '^epoch-[0-9]+\.parquet$')
attention=$(ls "$run_dir/attention" | grep -cE '^epoch-[0-9]+\.parquet$')
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
dll=$(ls -t "$root"/src/DevHost/bin/*/net10.0/ClassVisCloud.DevHost.dll | head -n 1)

ASPNETCORE_URLS="http://127.0.0.1:$port" RunsStorage="$CVC_STORAGE" TablePrefix=e2e RunsContainer=runs \
  Dashboard__Path="$root/src/Dashboard/dist" dotnet "$dll" >"$dir/devhost.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 150); do curl -sf "$base/api/runs" >/dev/null && break; sleep 0.2; done
curl -sf "$base/api/runs" >/dev/null || { echo "The DevHost did not start; see $dir/devhost.log" >&2; kill $pid; exit 1; }

echo "Uploading $run_dir as run fortunes-han..." >&2
dotnet run --no-build -c Release --project "$root/tools/RunGenerator" -- upload --from "$run_dir" --run fortunes-han \
  --connection "$CVC_STORAGE" --container runs --delay-ms 0 >"$dir/upload.log" 2>&1 || { echo "Upload failed; see $dir/upload.log" >&2; kill $pid; exit 1; }

for _ in $(seq 1 240); do
  # Until the first epoch is in, the run is 404: no failure of set -e / pipefail here.
  read -r ok_epochs ok_attention < <( (curl -sf "$base/api/runs/fortunes-han" || true) | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const r=JSON.parse(s);console.log(r.epochs.filter(e=>e.status==="ok").length, r.epochs.filter(e=>e.attention&&e.attention.status==="ok").length)}catch{console.log(0, 0)}})') || true
  [ "$ok_epochs $ok_attention" = "$epochs $attention" ] && break
  sleep 0.5
done
[ "$ok_epochs $ok_attention" = "$epochs $attention" ] || { echo "Only $ok_epochs of $epochs epochs and $ok_attention of $attention attention files were ingested in time; see $dir/devhost.log" >&2; kill $pid; exit 1; }
echo "The DevHost serves the real run at $base" >&2
echo "DEVHOST_PID=$pid"
echo "CVC_BASE_URL=$base"
