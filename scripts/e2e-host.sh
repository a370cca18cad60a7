#!/usr/bin/env bash
# Starts the built DevHost on a free port against $CVC_STORAGE, uploads the real run in tests/data
# (as a training script would), waits until every epoch and attention file is ingested, and prints the shell lines to use it:
#   DEVHOST_PID=...  CVC_BASE_URL=http://127.0.0.1:PORT
# CVC_GENERATED="100000x70x10 ..." (samples x classes x epochs) adds runs made by tools/RunGenerator, named
# generated-100000x70: the dashboard's data for development and its speed bench (their files are kept in DIR).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${2:-$(mktemp -d)}"; mkdir -p "$dir"
run_dir="$root/tests/data/fortunes-han"
# A mistyped run is refused before anything starts.
for spec in ${CVC_GENERATED:-}; do
  [[ "$spec" =~ ^[1-9][0-9]*x[1-9][0-9]*x[1-9][0-9]*$ ]] || { echo "CVC_GENERATED: '$spec' is not SAMPLESxCLASSESxEPOCHS (e.g. 100000x70x10)" >&2; exit 1; }
done
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
dll=$(ls -t "$root"/src/DevHost/bin/*/net10.0/ClassVisCloud.DevHost.dll | head -n 1)

ASPNETCORE_URLS="http://127.0.0.1:$port" RunsStorage="$CVC_STORAGE" TablePrefix=e2e RunsContainer=runs \
  Dashboard__Path="$root/src/Dashboard/dist" dotnet "$dll" >"$dir/devhost.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 150); do curl -sf "$base/api/runs" >/dev/null && break; sleep 0.2; done
curl -sf "$base/api/runs" >/dev/null || { echo "The DevHost did not start; see $dir/devhost.log" >&2; kill $pid; exit 1; }

# Uploads a run folder and waits until its epochs (and attention files) are all ingested.
upload_and_wait() { # run folder
  local run="$1" from="$2" epochs attention ok_epochs=0 ok_attention=0
  epochs=$(ls "$from" | grep -cE '^epoch-[0-9]+\.parquet$')
  attention=$(ls "$from/attention" 2>/dev/null | grep -cE '^epoch-[0-9]+\.parquet$' || true)
  echo "Uploading $from as run $run..." >&2
  dotnet run --no-build -c Release --project "$root/tools/RunGenerator" -- upload --from "$from" --run "$run" \
    --connection "$CVC_STORAGE" --container runs --delay-ms 0 >"$dir/upload-$run.log" 2>&1 || { echo "Upload failed; see $dir/upload-$run.log" >&2; kill $pid; exit 1; }
  for _ in $(seq 1 240); do
    # Until the first epoch is in, the run is 404: no failure of set -e / pipefail here.
    read -r ok_epochs ok_attention < <( (curl -sf "$base/api/runs/$run" || true) | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const r=JSON.parse(s);console.log(r.epochs.filter(e=>e.status==="ok").length, r.epochs.filter(e=>e.attention&&e.attention.status==="ok").length)}catch{console.log(0, 0)}})') || true
    [ "$ok_epochs $ok_attention" = "$epochs $attention" ] && return 0
    sleep 0.5
  done
  echo "Only $ok_epochs of $epochs epochs and $ok_attention of $attention attention files of $run were ingested in time; see $dir/devhost.log" >&2
  kill $pid; exit 1
}

upload_and_wait fortunes-han "$run_dir"
for spec in ${CVC_GENERATED:-}; do
  IFS=x read -r samples classes trained <<<"$spec"
  out="$dir/generated-$spec"
  # The generator gives the same bytes for the same arguments: a folder written before is reused.
  [ -f "$out/run.json" ] || dotnet run --no-build -c Release --project "$root/tools/RunGenerator" -- generate --out "$out" \
    --samples "$samples" --classes "$classes" --epochs "$trained" >"$dir/generate-$spec.log" 2>&1 \
    || { echo "Generating $spec failed; see $dir/generate-$spec.log" >&2; kill $pid; exit 1; }
  upload_and_wait "generated-${samples}x${classes}" "$out"
done
echo "The DevHost serves the real run${CVC_GENERATED:+ and the generated ones} at $base" >&2
echo "DEVHOST_PID=$pid"
echo "CVC_BASE_URL=$base"
