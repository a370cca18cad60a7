#!/usr/bin/env node
// A stand-in for Microsoft Entra ID, for tests only: OpenID metadata, a JWKS, an authorize endpoint that signs the
// browser in at once (no page) and a token endpoint (authorization code with PKCE, refresh token), issuing RS256
// tokens signed with a key made at start. It serves HTTPS (a self-signed certificate made with openssl: MSAL accepts
// only https authorities) for the browser, and the same documents over plain HTTP for the API host on loopback.
// Tests steer it over /stub/*: which access tokens it issues, and how often it was asked.
//   node authority.mjs [--client-id ID] [--audience AUD] [--role ROLE]
// prints one JSON line once listening: {"authority", "metadata", "https", "http"}.
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttp } from "node:http";
import { createServer as createHttps } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    "client-id": { type: "string", default: "cvc-dashboard-test" },
    audience: { type: "string", default: "api://cvc-api-test" },
    role: { type: "string", default: "ClassVisCloud.Read" },
  },
});
const TENANT = "00000000-0000-4000-8000-00000000cafe";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const KID = "stub-" + randomBytes(4).toString("hex");

/** What the next access tokens look like: "ok", "expired", "wrong-audience", "wrong-issuer" or "no-role". */
let steering = { first: "ok", then: "ok" };
let log = { authorize: 0, token: 0, grants: [] };
const codes = new Map();
const refreshTokens = new Set();

const b64url = (data) => Buffer.from(data).toString("base64url");
function sign(claims) {
  const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: KID }));
  const body = b64url(JSON.stringify(claims));
  const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(privateKey).toString("base64url");
  return `${head}.${body}.${signature}`;
}

function accessToken(issuer, kind) {
  const now = Math.floor(Date.now() / 1000);
  const expired = kind === "expired";
  return sign({
    iss: kind === "wrong-issuer" ? "https://login.example.invalid/other/v2.0" : issuer,
    aud: kind === "wrong-audience" ? "api://another-api" : args.audience,
    sub: "stub-user", oid: "11111111-1111-4111-8111-111111111111", tid: TENANT, azp: args["client-id"],
    name: "Stub User", preferred_username: "stub.user@example.test", scp: "access_as_user", ver: "2.0",
    roles: kind === "no-role" ? [] : [args.role],
    iat: expired ? now - 7200 : now, nbf: expired ? now - 7200 : now, exp: expired ? now - 3600 : now + 3600,
  });
}

function idToken(issuer, nonce) {
  const now = Math.floor(Date.now() / 1000);
  return sign({ iss: issuer, aud: args["client-id"], sub: "stub-user", oid: "11111111-1111-4111-8111-111111111111", tid: TENANT,
    name: "Stub User", preferred_username: "stub.user@example.test", nonce, iat: now, nbf: now, exp: now + 3600, ver: "2.0" });
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { "access-control-allow-origin": "*", "access-control-allow-headers": "*", "access-control-allow-methods": "GET, POST, OPTIONS",
    "cache-control": "no-store", ...(typeof body === "string" ? {} : { "content-type": "application/json" }), ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

const readBody = (req) => new Promise((resolve) => { let s = ""; req.on("data", (d) => (s += d)).on("end", () => resolve(s)); });

let httpsBase = "", httpBase = "";
const authorityPath = `/${TENANT}/v2.0`;

async function handle(req, res, base) {
  const url = new URL(req.url, base);
  const issuer = httpsBase + authorityPath;
  if (req.method === "OPTIONS") return send(res, 204, "");
  if (url.pathname === `${authorityPath}/.well-known/openid-configuration`) {
    return send(res, 200, {
      issuer, authorization_endpoint: `${httpsBase}${authorityPath}/authorize`, token_endpoint: `${httpsBase}${authorityPath}/token`,
      end_session_endpoint: `${httpsBase}${authorityPath}/logout`, jwks_uri: `${base}${authorityPath}/keys`,
      response_types_supported: ["code"], response_modes_supported: ["query", "fragment"], subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"], scopes_supported: ["openid", "profile", "offline_access"],
      code_challenge_methods_supported: ["S256"], token_endpoint_auth_methods_supported: ["none"],
    });
  }
  if (url.pathname === `${authorityPath}/keys`) return send(res, 200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid: KID, use: "sig", alg: "RS256" }] });
  if (url.pathname === `${authorityPath}/authorize`) {
    log.authorize++;
    const q = url.searchParams;
    const problem = q.get("client_id") !== args["client-id"] ? "unknown client_id" : q.get("response_type") !== "code" ? "response_type must be code"
      : q.get("code_challenge_method") !== "S256" || !q.get("code_challenge") ? "PKCE (S256) is required" : !q.get("redirect_uri") ? "redirect_uri is missing" : null;
    if (problem) return send(res, 400, `authorize: ${problem}`, { "content-type": "text/plain" });
    const code = randomBytes(16).toString("base64url");
    codes.set(code, { challenge: q.get("code_challenge"), redirect: q.get("redirect_uri"), nonce: q.get("nonce"), scope: q.get("scope") });
    const answer = new URLSearchParams({ code, state: q.get("state") ?? "", client_info: b64url(JSON.stringify({ uid: "11111111-1111-4111-8111-111111111111", utid: TENANT })) });
    const target = q.get("response_mode") === "query" ? `${q.get("redirect_uri")}?${answer}` : `${q.get("redirect_uri")}#${answer}`;
    return send(res, 302, "", { location: target });
  }
  if (url.pathname === `${authorityPath}/token` && req.method === "POST") {
    log.token++;
    const form = new URLSearchParams(await readBody(req));
    const grant = form.get("grant_type");
    log.grants.push(grant);
    let nonce;
    if (grant === "authorization_code") {
      const entry = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      if (!entry) return send(res, 400, { error: "invalid_grant", error_description: "unknown or used code" });
      if (createHash("sha256").update(form.get("code_verifier") ?? "").digest("base64url") !== entry.challenge)
        return send(res, 400, { error: "invalid_grant", error_description: "PKCE verification failed" });
      if (form.get("redirect_uri") !== entry.redirect) return send(res, 400, { error: "invalid_grant", error_description: "redirect_uri differs" });
      nonce = entry.nonce;
    } else if (grant === "refresh_token") {
      if (!refreshTokens.has(form.get("refresh_token"))) return send(res, 400, { error: "invalid_grant", error_description: "unknown refresh token" });
    } else {
      return send(res, 400, { error: "unsupported_grant_type" });
    }
    const kind = log.token === 1 ? steering.first : steering.then;
    const refresh = randomBytes(24).toString("base64url");
    refreshTokens.add(refresh);
    return send(res, 200, {
      token_type: "Bearer", scope: form.get("scope") ?? "", expires_in: 3600, ext_expires_in: 3600, access_token: accessToken(issuer, kind),
      refresh_token: refresh, id_token: idToken(issuer, nonce), client_info: b64url(JSON.stringify({ uid: "11111111-1111-4111-8111-111111111111", utid: TENANT })),
    });
  }
  if (url.pathname === "/stub/steer" && req.method === "POST") { steering = { ...steering, ...JSON.parse(await readBody(req)) }; log = { authorize: 0, token: 0, grants: [] }; return send(res, 200, steering); }
  if (url.pathname === "/stub/log") return send(res, 200, log);
  if (url.pathname === "/stub/mint") return send(res, 200, { token: accessToken(issuer, url.searchParams.get("kind") ?? "ok") });
  return send(res, 404, { error: "not found", detail: url.pathname });
}

// A self-signed certificate for 127.0.0.1 (the browser context of the test accepts it).
const dir = mkdtempSync(join(tmpdir(), "cvc-stub-"));
execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
  "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
const tls = { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
rmSync(dir, { recursive: true, force: true });

const listen = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
const secure = createHttps(tls, (req, res) => handle(req, res, httpsBase).catch((e) => send(res, 500, { error: "stub failed", detail: String(e) })));
const plain = createHttp((req, res) => handle(req, res, httpBase).catch((e) => send(res, 500, { error: "stub failed", detail: String(e) })));
httpsBase = `https://127.0.0.1:${await listen(secure)}`;
httpBase = `http://127.0.0.1:${await listen(plain)}`;
console.log(JSON.stringify({ authority: httpsBase + authorityPath, metadata: `${httpBase}${authorityPath}/.well-known/openid-configuration`, https: httpsBase, http: httpBase }));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
