/**
 * Runtime configuration, read from config.json beside index.html so that one
 * build serves every host: the local DevHost (no sign-in), a Functions app
 * behind a function key, or one behind Microsoft Entra ID (App Service
 * authentication, which signs the browser in with a cookie).
 */
export type AuthMode = "none" | "key" | "entra";

export interface RuntimeConfig {
  apiBase: string;
  auth: AuthMode;
  /** Entra ID only: where the host's sign-in starts (App Service authentication's default). */
  loginPath?: string;
}

export const DEFAULT_CONFIG: RuntimeConfig = { apiBase: "/api", auth: "none" };

export function parseConfig(json: unknown): RuntimeConfig {
  const o = (json ?? {}) as Partial<RuntimeConfig>;
  const auth: AuthMode = o.auth === "key" || o.auth === "entra" ? o.auth : "none";
  const apiBase = typeof o.apiBase === "string" && o.apiBase ? o.apiBase.replace(/\/+$/, "") : DEFAULT_CONFIG.apiBase;
  return { apiBase, auth, loginPath: typeof o.loginPath === "string" ? o.loginPath : "/.auth/login/aad" };
}

export async function loadConfig(): Promise<RuntimeConfig> {
  try {
    const res = await fetch("config.json", { cache: "no-store" });
    return res.ok ? parseConfig(await res.json()) : DEFAULT_CONFIG;
  } catch {
    return DEFAULT_CONFIG;
  }
}
