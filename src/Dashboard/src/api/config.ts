/**
 * Runtime configuration, read from config.json beside index.html so that one
 * build serves every host: the local DevHost (no sign-in), an API that takes
 * a key, or one that takes Microsoft Entra ID access tokens (the dashboard
 * signs in with MSAL: see auth/entraSettings.ts for the "entra" fields).
 */
import { parseEntraSettings, type EntraSettings } from "./auth/entraSettings";

export type AuthMode = "none" | "key" | "entra";

export interface RuntimeConfig {
  apiBase: string;
  auth: AuthMode;
  /** Entra ID only: the sign-in settings, or what config.json lacks for them. */
  entra?: EntraSettings | string;
}

export const DEFAULT_CONFIG: RuntimeConfig = { apiBase: "/api", auth: "none" };

export function parseConfig(json: unknown): RuntimeConfig {
  const o = (json ?? {}) as Partial<RuntimeConfig>;
  const auth: AuthMode = o.auth === "key" || o.auth === "entra" ? o.auth : "none";
  const apiBase = typeof o.apiBase === "string" && o.apiBase ? o.apiBase.replace(/\/+$/, "") : DEFAULT_CONFIG.apiBase;
  return { apiBase, auth, ...(auth === "entra" ? { entra: parseEntraSettings(json) } : {}) };
}

export async function loadConfig(): Promise<RuntimeConfig> {
  try {
    const res = await fetch("config.json", { cache: "no-store" });
    return res.ok ? parseConfig(await res.json()) : DEFAULT_CONFIG;
  } catch {
    return DEFAULT_CONFIG;
  }
}
