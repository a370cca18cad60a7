#!/usr/bin/env bash
# npm ci in a folder, unless its node_modules already holds exactly what package-lock.json pins
# (a stamp of the lock is kept in node_modules). Skipping matters: npm ci deletes node_modules first,
# which would pull Azurite out from under a running instance, and costs minutes on a busy machine.
set -euo pipefail
dir="$1"
stamp="$dir/node_modules/.installed-package-lock.json"
if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then exit 0; fi
echo "Installing npm packages in $dir..." >&2
(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
cp "$dir/package-lock.json" "$stamp"
