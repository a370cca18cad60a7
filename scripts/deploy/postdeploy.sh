#!/bin/sh
# azd postdeploy hook (phase two of `azd up`, see docs/deploy.md).
# The Event Grid subscription that feeds the blob trigger needs the Functions host's
# blobs_extension system key, which exists only once the code has been deployed and the host has
# started. Wait for it, then re-provision with BLOB_EVENTS_ENABLED=true: infra/main.bicep then
# deploys infra/app/blob-events.bicep, which reads the key itself (it never passes through here).
# Idempotent: once BLOB_EVENTS_ENABLED is true, later `azd up`/`azd provision` keep the subscription.
set -eu

: "${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set: run azd provision first}"
: "${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set: run azd provision first}"
attempts="${CVC_KEY_WAIT_ATTEMPTS:-30}"
delay="${CVC_KEY_WAIT_SECONDS:-10}"

for tool in az azd; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "postdeploy: '$tool' is required (see docs/deploy.md, prerequisites)." >&2
    exit 1
  fi
done

if [ "${BLOB_EVENTS_ENABLED:-}" != "true" ]; then
  echo "postdeploy: waiting for the blobs_extension key of $AZURE_FUNCTION_APP_NAME ..."
  n=0
  # Asks only whether the key exists; its value is never printed or stored.
  while [ "$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
      --query 'systemKeys.blobs_extension != `null`' -o tsv 2>/dev/null || true)" != "true" ]; do
    n=$((n + 1))
    if [ "$n" -ge "$attempts" ]; then
      echo "postdeploy: no blobs_extension key after $attempts tries. Is IngestRunBlob deployed with" >&2
      echo "  Source = BlobTriggerSource.EventGrid? Check 'az functionapp function list', then run 'azd hooks run postdeploy'." >&2
      exit 1
    fi
    sleep "$delay"
  done

  echo "postdeploy: subscribing IngestRunBlob to BlobCreated events of the runs container ..."
  azd env set BLOB_EVENTS_ENABLED true
  BLOB_EVENTS_ENABLED=true azd provision --no-prompt
fi

echo
echo "ClassVisCloud is deployed."
echo "  Dashboard:        ${DASHBOARD_URL:-?}"
echo "  API:              ${API_URL:-?}"
echo "  Upload container: ${UPLOAD_CONTAINER_URL:-?}"
if [ "${AUTH_MODE:-key}" = "entra" ]; then
  echo "  Sign-in:          Microsoft Entra ID (app $AUTH_CLIENT_ID); users need its app role ClassVisCloud.Read."
fi
if [ -n "${API_KEY_SHA256:-}" ]; then
  echo "  API key (scripts, Power BI; keep it private): ~/.classviscloud/${AZURE_ENV_NAME:-default}.api-key"
fi
