#!/usr/bin/env bash
# Starts a pinned Azurite (tools/azurite) on free loopback ports and prints the shell lines to use it:
#   eval "$(scripts/azurite.sh start DIR)"  -> sets AZURITE_PID and CVC_STORAGE (a connection string)
# With "start-default", uses Azurite's usual ports 10000-10002 (the demo's), unless something listens there.
# Data is kept in memory (Azurite persists tables as one JSON document, which breaks past ~500 MB).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-start}"
dir="${2:-$(mktemp -d)}"
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

"$root/scripts/npm-install.sh" "$root/tools/azurite"

if [ "$mode" = "start-default" ]; then
  blob=10000; queue=10001; table=10002
  if listening $blob && listening $table; then
    echo "Azurite (or another storage emulator) already listens on 10000-10002: using it." >&2
    echo "export CVC_STORAGE='UseDevelopmentStorage=true'"
    echo "export AZURITE_PID=''"
    exit 0
  fi
else
  blob=$(free_port); queue=$(free_port); table=$(free_port)
fi

mkdir -p "$dir"
# --disableTelemetry: Azurite otherwise reports every request to Application Insights and, with no way out, persists and
# rescans the reports on disk: about a tenth of its CPU during an ingest, measured with perf.
NODE_OPTIONS="--max-old-space-size=8192 ${AZURITE_NODE_OPTIONS:-}" "$root/tools/azurite/node_modules/.bin/azurite" --silent --inMemoryPersistence --skipApiVersionCheck --loose --disableTelemetry \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
  >"$dir/azurite.log" 2>&1 &
pid=$!
# Interrupted before the caller learns the pid, it could never stop this Azurite: stop it here.
trap 'kill "$pid" 2>/dev/null; exit 130' INT
trap 'kill "$pid" 2>/dev/null; exit 143' TERM HUP
for _ in $(seq 1 100); do
  if listening "$blob" && listening "$table"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "Azurite failed to start; its log:" >&2; cat "$dir/azurite.log" >&2; exit 1; fi
  sleep 0.2
done
echo "Azurite is up (blob $blob, queue $queue, table $table; pid $pid)." >&2
echo "export AZURITE_PID=$pid"
echo "export CVC_STORAGE='DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;'"
