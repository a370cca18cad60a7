#!/bin/sh
# azd preprovision hook: makes sure the API accepts a key when it must (key mode: no AUTH_CLIENT_ID).
# It makes a random key, writes it to a file only you can read, and puts only its SHA-256 hash in
# the azd environment (API_KEY_SHA256 -> the app setting Auth__KeySha256): the key itself is never in
# a parameter, a setting, an output or the console. Scripts send it as the x-functions-key header
# or the code query parameter.
#   api-key.sh          make a key if key mode needs one and none is set (what the hook does)
#   api-key.sh --new    make a new key that replaces every earlier one (at the next azd provision);
#                       in entra mode, this also lets scripts and Power BI in with a key
set -eu

env_name="${AZURE_ENV_NAME:-default}"
file="${CVC_API_KEY_FILE:-$HOME/.classviscloud/$env_name.api-key}"

if [ "${1:-}" != "--new" ]; then
  if [ -n "${API_KEY_SHA256:-}" ]; then
    echo "api-key: the API accepts the key(s) whose hash is API_KEY_SHA256 (key file: $file)."
    exit 0
  fi
  if [ -n "${AUTH_CLIENT_ID:-}" ]; then
    echo "api-key: entra mode, no key: the API takes Entra ID tokens only (scripts/deploy/api-key.sh --new adds a key)."
    exit 0
  fi
fi

if ! command -v azd >/dev/null 2>&1; then
  echo "api-key: 'azd' is required." >&2
  exit 1
fi
if command -v sha256sum >/dev/null 2>&1; then hash() { sha256sum | cut -d' ' -f1; }
else hash() { shasum -a 256 | cut -d' ' -f1; }
fi

# 32 random bytes as 64 hex digits: safe in a header and in a URL without escaping.
key=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
mkdir -p "$(dirname "$file")"
umask 077
printf '%s\n' "$key" > "$file"
chmod 600 "$file"
azd env set API_KEY_SHA256 "$(printf '%s' "$key" | hash)"
echo "api-key: a new API key is in $file (readable by you only); the API takes it after the next azd provision."
