/**
 * The Entra ID part of config.json: which app registration the dashboard signs
 * in as, at which authority, and the API scope it asks an access token for.
 * Written at deployment by scripts/deploy/dashboard-config.sh; nothing secret.
 */
export interface EntraSettings {
  /** The app registration's application (client) id; its SPA redirect URI is the dashboard's address. */
  clientId: string;
  /** https://login.microsoftonline.com/<tenant id> (or a test authority). */
  authority: string;
  /** The API's delegated scope, e.g. api://<client id>/access_as_user. */
  scopes: string[];
  /** Hosts of authorities other than Microsoft's (a test stub); empty for Entra ID. */
  knownAuthorities: string[];
}

/** The settings, or a sentence saying what config.json lacks (shown to the user instead of a sign-in that cannot work). */
export function parseEntraSettings(json: unknown): EntraSettings | string {
  const o = (json ?? {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : []);
  const clientId = typeof o.clientId === "string" ? o.clientId.trim() : "";
  const authority = typeof o.authority === "string" ? o.authority.trim().replace(/\/+$/, "") : "";
  const scopes = strings(o.scopes);
  if (!clientId) return "config.json sets auth \"entra\" without clientId (the app registration's client id).";
  if (!/^https:\/\/[^/]+\/.+/.test(authority)) return "config.json sets auth \"entra\" without an https authority (https://login.microsoftonline.com/<tenant id>).";
  if (!scopes.length) return "config.json sets auth \"entra\" without scopes (the API's scope, api://<client id>/access_as_user).";
  return { clientId, authority, scopes, knownAuthorities: strings(o.knownAuthorities) };
}
