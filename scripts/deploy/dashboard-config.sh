#!/bin/sh
# azd predeploy hook of the `dashboard` service: writes into dist/
# - config.json (read by src/Dashboard/src/api/config.ts): the API's URL and how to sign in: `key`
#   (the user types the key, kept in the browser tab) or `entra` (MSAL sign-in with the app
#   registration AUTH_CLIENT_ID in tenant AZURE_TENANT_ID, for the scope api://AUTH_CLIENT_ID/access_as_user);
# - staticwebapp.config.json: the security headers Azure Static Web Apps sends with every file,
#   above all a Content-Security-Policy whose connect-src is the API and the sign-in authority only.
# Neither holds a secret.
set -eu

: "${API_URL:?API_URL is not set: run azd provision first}"
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
dist="${CVC_DASHBOARD_DIST:-$here/../../src/Dashboard/dist}"
if [ ! -d "$dist" ]; then
  echo "dashboard-config: $dist does not exist; build the dashboard first (npm run build)." >&2
  exit 1
fi

api_origin=$(printf '%s' "$API_URL" | sed -E 's#^(https://[^/]+).*$#\1#')
case "$api_origin" in
  https://*) ;;
  *) echo "dashboard-config: API_URL ($API_URL) is not an https URL." >&2; exit 1 ;;
esac

mode="${AUTH_MODE:-key}"
if [ "$mode" = "entra" ]; then
  : "${AUTH_CLIENT_ID:?AUTH_CLIENT_ID is not set: entra mode needs the app registration (docs/deploy.md)}"
  : "${AZURE_TENANT_ID:?AZURE_TENANT_ID is not set: run azd provision first}"
  login="${AUTH_LOGIN_HOST:-https://login.microsoftonline.com}"
  printf '{"apiBase":"%s","auth":"entra","clientId":"%s","authority":"%s/%s","scopes":["api://%s/access_as_user"]}\n' \
    "$API_URL" "$AUTH_CLIENT_ID" "$login" "$AZURE_TENANT_ID" "$AUTH_CLIENT_ID" > "$dist/config.json"
  connect="'self' $api_origin $login"
  # MSAL renews tokens in a hidden frame of the authority when its refresh token has expired.
  frames="$login"
else
  printf '{"apiBase":"%s","auth":"key"}\n' "$API_URL" > "$dist/config.json"
  connect="'self' $api_origin"
  frames="'none'"
fi

# worker-src: the classification view paints in a Web Worker (a same-origin module script); named, not left to fall back.
csp="default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src $connect; frame-src $frames; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
cat > "$dist/staticwebapp.config.json" <<JSON
{
  "globalHeaders": {
    "Content-Security-Policy": "$csp",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin"
  },
  "routes": [
    { "route": "/config.json", "headers": { "Cache-Control": "no-store" } }
  ]
}
JSON
echo "dashboard-config: wrote $dist/config.json (API $API_URL, auth $mode) and $dist/staticwebapp.config.json (connect-src $connect)"
