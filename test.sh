#!/usr/bin/env bash
# Every test of ClassVisCloud, from a bare machine: installs what is missing (Azurite, Chromium, npm and
# NuGet packages), starts Azurite on free ports, runs the .NET suites (unit, Azurite integration, infra),
# the dashboard's unit tests and its end-to-end tests in headless Chromium against the DevHost, stops what
# it started, and ends with one line of totals: "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
out="$root/test-output"
rm -rf "$out/results"; mkdir -p "$out/results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
step() { printf '\n== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT

crashed=0   # suites that could not run count as failures in the totals

step "Installing what is missing"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium for the end-to-end tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >"$out/apt.log" 2>&1 || { echo "apt-get install chromium failed; see $out/apt.log"; }
  else
    echo "chromium is missing and this is not root: install it with 'sudo apt-get install chromium'."
  fi
fi
# The sign-in tests' stand-in authority serves HTTPS (MSAL accepts no other) with a certificate made by openssl.
if ! command -v openssl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl) >>"$out/apt.log" 2>&1 || echo "apt-get install openssl failed; see $out/apt.log"
  else
    echo "openssl is missing and this is not root: install it with 'sudo apt-get install openssl'."
  fi
fi
scripts/npm-install.sh tools/azurite || crashed=$((crashed+1))

step "Starting Azurite on free ports"
eval "$(scripts/azurite.sh start "$out/azurite")" || { echo "Azurite did not start"; echo "0 passed, 1 failed"; exit 1; }
pids+=("$AZURITE_PID")

step "Building the .NET solution"
if ! dotnet build ClassVisCloud.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "The build failed."; echo "0 passed, 1 failed"; exit 1
fi

step "The writer matrix: the real run's epochs written by every Parquet writer (tests/writers)"
# WriterMatrixTests ingests each file and fails, saying why, when CVC_WRITER_MATRIX holds no matrix.json.
export CVC_WRITER_MATRIX="$out/writers"
rm -rf "$CVC_WRITER_MATRIX"
if ! { scripts/npm-install.sh tests/writers && node tests/writers/make-writer-matrix.mjs tests/data/fortunes-han "$CVC_WRITER_MATRIX"; }; then
  echo "The writer matrix could not be generated."; crashed=$((crashed+1))
fi

step ".NET tests (unit, Azurite integration, infra)"
dotnet test ClassVisCloud.sln -c Release --no-build -nologo --filter "Category!=Readme" --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$out/results/dotnet" || true

step "Dashboard: build and unit tests"
dashboard_ok=1
if [ -f src/Dashboard/package.json ]; then
  (scripts/npm-install.sh src/Dashboard && cd src/Dashboard && npm run build --silent) || { echo "The dashboard build failed."; crashed=$((crashed+1)); dashboard_ok=0; }
  if [ $dashboard_ok = 1 ]; then
    (cd src/Dashboard && npx vitest run --reporter=default --reporter=json --outputFile="$out/results/dashboard-unit.json") || true
    [ -f "$out/results/dashboard-unit.json" ] || crashed=$((crashed+1))
  fi
fi

step "End-to-end: the real run through the DevHost in headless Chromium"
if [ -f src/Dashboard/package.json ] && [ $dashboard_ok = 1 ]; then
  # Beside the real run, a generated one of 1,000 classes (5,000 samples x 3 epochs; its files are kept in $out/e2e
  # and reused) for the views at a thousand classes (e2e/thousand.e2e.ts).
  if CVC_GENERATED="5000x1000x3" scripts/e2e-host.sh start "$out/e2e" >"$out/e2e-host.env"; then
    . "$out/e2e-host.env"; pids+=("$DEVHOST_PID")
    (cd src/Dashboard && CVC_BASE_URL="$CVC_BASE_URL" npm run --silent test:e2e -- --reporter=default --reporter=json --outputFile="$out/results/dashboard-e2e.json") || true
    [ -f "$out/results/dashboard-e2e.json" ] || crashed=$((crashed+1))
  else
    echo "The DevHost with the real run could not be started; see $out/e2e/devhost.log"; crashed=$((crashed+1))
  fi
fi

step "The README's demo command on a fresh clone"
dotnet test tests/Readme.Tests -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$out/results/readme" || true

step "Totals"
node scripts/totals.mjs "$out/results" "$crashed"
