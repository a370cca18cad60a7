#!/bin/sh
# azd predeploy hook of the `dashboard` service: writes dist/config.json (read by
# src/Dashboard/src/api/config.ts) so that the static dashboard knows the API's URL and how to
# authenticate. It holds no secret: the user enters the function key (kept in the browser), and
# with Microsoft Entra ID signs in on the API's host (App Service Authentication).
set -eu

: "${API_URL:?API_URL is not set: run azd provision first}"
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
dist="${CVC_DASHBOARD_DIST:-$here/../../src/Dashboard/dist}"
if [ ! -d "$dist" ]; then
  echo "dashboard-config: $dist does not exist; build the dashboard first (npm run build)." >&2
  exit 1
fi

mode="${AUTH_MODE:-key}"
if [ "$mode" = "entra" ]; then
  api_host="${API_URL%/api}"
  login="$api_host/.auth/login/aad?post_login_redirect_uri=${DASHBOARD_URL:-}/"
  printf '{"apiBase":"%s","auth":"entra","loginPath":"%s"}\n' "$API_URL" "$login" > "$dist/config.json"
else
  printf '{"apiBase":"%s","auth":"key"}\n' "$API_URL" > "$dist/config.json"
fi
echo "dashboard-config: wrote $dist/config.json (API $API_URL, auth $mode)"
