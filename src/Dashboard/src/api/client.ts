import type { RuntimeConfig } from "./config";
import { forgetKey, storedKey } from "./functionKey";
import { SigningIn, type BearerSource } from "./auth/bearer";
import { fetchInWorker, type BodyAnswer } from "./workerBytes";
import { bodyBytes } from "./bodyBytes";

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
  /** @param bearer In "entra" mode, the source of access tokens (sent as Authorization: Bearer). */
  constructor(private readonly config: RuntimeConfig, private readonly bearer: BearerSource | null = null) {}

  get base(): string { return this.config.apiBase; }

  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await this.send(path, init);
    return (await res.json()) as T;
  }

  /**
   * The body as bytes, reporting progress while it streams; with its content type. The body is read in a worker
   * where one can run (workerBytes.ts): a large answer then arrives while the page is busy.
   */
  async bytes(path: string, onProgress?: Progress, signal?: AbortSignal, renewed = false): Promise<{ bytes: Uint8Array; type: string }> {
    const reading = fetchInWorker(this.config.apiBase + path, await this.headers(undefined, renewed), onProgress, signal);
    if (!reading) return this.readBody(await this.send(path, { signal }, renewed), onProgress);
    let answer: BodyAnswer;
    try {
      answer = await reading;
    } catch (e) {
      throw this.unreachable(e);
    }
    if (answer.status >= 200 && answer.status < 300) { this.bearer?.accepted(); return { bytes: answer.bytes ?? new Uint8Array(0), type: answer.type }; }
    if (answer.status === 401 && this.bearer && !renewed) return this.bytes(path, onProgress, signal, true);
    throw this.refused(answer.status, parseError(answer.text ?? ""));
  }

  private async readBody(res: Response, onProgress?: Progress): Promise<{ bytes: Uint8Array; type: string }> {
    return { bytes: await bodyBytes(res, onProgress), type: res.headers.get("content-type") ?? "" };
  }

  /** One request; in "entra" mode a 401 renews the token once and sends again, never more. */
  private async send(path: string, init: RequestInit, renewed = false): Promise<Response> {
    const headers = await this.headers(init.headers, renewed);
    let res: Response;
    try {
      // Tokens travel in a header, never as a cookie: nothing cross-site for the browser to block.
      res = await fetch(this.config.apiBase + path, { ...init, headers, credentials: "same-origin" });
    } catch (e) {
      throw this.unreachable(e);
    }
    if (res.ok) { this.bearer?.accepted(); return res; }
    if (res.status === 401 && this.bearer && !renewed) return this.send(path, init, true);
    throw this.refused(res.status, await res.json().catch(() => null) as ErrorBody | null);
  }

  /** The headers every request carries: the function key or the bearer token. */
  private async headers(given: HeadersInit | undefined, renewed: boolean): Promise<Headers> {
    const headers = new Headers(given);
    if (this.config.auth === "key") {
      const key = storedKey();
      if (key) headers.set("x-functions-key", key);
    }
    if (this.bearer) headers.set("Authorization", `Bearer ${await this.accessToken(renewed)}`);
    return headers;
  }

  /** A request that got no answer: an abort stays an abort. */
  private unreachable(e: unknown): Error {
    if ((e as Error).name === "AbortError") return e as Error;
    return new ApiError("network", `Cannot reach the ClassVisCloud API at ${this.config.apiBase}. Is the host running?`);
  }

  /** A refusal (not 2xx, after any renewal) as the error a user can act on. */
  private refused(status: number, body: ErrorBody | null): ApiError {
    const detail = body?.detail ?? "";
    if (status === 401 || status === 403) {
      if (this.config.auth === "key") forgetKey();
      return new ApiError("auth", authMessage(this.config.auth, status, detail), status, detail);
    }
    if (status === 404) return new ApiError("not-found", body?.error ?? "Not found.", 404, detail);
    return new ApiError("http", body?.error ?? `The API answered ${status}.`, status, detail);
  }

  private async accessToken(renew: boolean): Promise<string> {
    try {
      return await this.bearer!.token(renew);
    } catch (e) {
      if (e instanceof SigningIn) throw e;
      throw new ApiError("auth", (e as Error).message || "Signing in failed.");
    }
  }
}

type ErrorBody = { error?: string; detail?: string };

function parseError(text: string): ErrorBody | null {
  try { return JSON.parse(text) as ErrorBody; } catch { return null; }
}

function authMessage(mode: RuntimeConfig["auth"], status: number, detail: string): string {
  if (mode === "key") return "The function key was refused.";
  if (mode !== "entra") return "Sign-in is required.";
  return status === 403
    ? `You are signed in, but your account may not read this API${detail ? `: ${detail}` : "."}`
    : `The API refused the sign-in, even with a renewed token${detail ? `: ${detail}` : "."}`;
}
