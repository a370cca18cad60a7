import type { RuntimeConfig } from "./config";
import { forgetKey, storedKey } from "./functionKey";

/**
 * The dashboard's only door to the API: adds the sign-in, turns every failure
 * into an ApiError with a message a user can act on, and reports download
 * progress for the large sample columns.
 */
export type ApiErrorKind = "network" | "auth" | "not-found" | "http";

export class ApiError extends Error {
  constructor(readonly kind: ApiErrorKind, message: string, readonly status = 0, readonly detail = "") {
    super(message);
    this.name = "ApiError";
  }
}

export type Progress = (loaded: number, total: number | null) => void;

export class ApiClient {
  constructor(private readonly config: RuntimeConfig) {}

  get base(): string { return this.config.apiBase; }

  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await this.send(path, init);
    return (await res.json()) as T;
  }

  /** The body as bytes, reporting progress while it streams; with its content type. */
  async bytes(path: string, onProgress?: Progress, signal?: AbortSignal): Promise<{ bytes: Uint8Array; type: string }> {
    const res = await this.send(path, { signal });
    const type = res.headers.get("content-type") ?? "";
    const lengthHeader = res.headers.get("content-length");
    const total = lengthHeader ? Number(lengthHeader) : null;
    if (!res.body || !onProgress) return { bytes: new Uint8Array(await res.arrayBuffer()), type };
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
    return { bytes, type };
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.config.auth === "key") {
      const key = storedKey();
      if (key) headers.set("x-functions-key", key);
    }
    let res: Response;
    try {
      res = await fetch(this.config.apiBase + path, {
        ...init,
        headers,
        // Entra ID (App Service authentication) signs in with a cookie.
        credentials: this.config.auth === "entra" ? "include" : "same-origin",
      });
    } catch (e) {
      if ((e as Error).name === "AbortError") throw e;
      throw new ApiError("network", `Cannot reach the ClassVisCloud API at ${this.config.apiBase}. Is the host running?`);
    }
    if (res.ok) return res;
    const body = await res.json().catch(() => null) as { error?: string; detail?: string } | null;
    const detail = body?.detail ?? "";
    if (res.status === 401 || res.status === 403) {
      if (this.config.auth === "key") forgetKey();
      throw new ApiError("auth", this.config.auth === "key" ? "The function key was refused." : "Sign-in is required.", res.status, detail);
    }
    if (res.status === 404) throw new ApiError("not-found", body?.error ?? "Not found.", 404, detail);
    throw new ApiError("http", body?.error ?? `The API answered ${res.status}.`, res.status, detail);
  }
}
