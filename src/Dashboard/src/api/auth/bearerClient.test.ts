import { afterEach, expect, test, vi } from "vitest";
import { ApiClient, ApiError } from "../client";
import { SigningIn, type BearerSource } from "./bearer";

/** A token source that hands out "t0", "t1", ... and records whether each was a renewal. */
function tokens(): BearerSource & { asked: boolean[]; accepts: number } {
  const source = {
    asked: [] as boolean[],
    accepts: 0,
    async token(renew: boolean) { source.asked.push(renew); return `t${source.asked.length - 1}`; },
    accepted() { source.accepts++; },
  };
  return source;
}

/** A fetch answering each call with the next status, recording the Authorization header sent. */
function api(...statuses: number[]) {
  const sent: (string | null)[] = [];
  vi.stubGlobal("fetch", vi.fn(async (_url: string, init: RequestInit) => {
    sent.push(new Headers(init.headers).get("authorization"));
    const status = statuses.shift() ?? 500;
    return new Response(JSON.stringify(status === 200 ? { runs: [] } : { error: "e", detail: `answer ${status}` }), { status, headers: { "content-type": "application/json" } });
  }));
  return sent;
}

afterEach(() => vi.unstubAllGlobals());
const entra = { apiBase: "/api", auth: "entra" as const };

test("the access token goes in the Authorization header of every request", async () => {
  const sent = api(200, 200);
  const source = tokens();
  const client = new ApiClient(entra, source);
  await client.json("/runs");
  await client.json("/runs");
  expect(sent).toEqual(["Bearer t0", "Bearer t1"]);
  expect(source.asked).toEqual([false, false]);
  expect(source.accepts).toBe(2);
});

test("a 401 renews the token once and sends the request again", async () => {
  const sent = api(401, 200);
  const source = tokens();
  await expect(new ApiClient(entra, source).json("/runs")).resolves.toEqual({ runs: [] });
  expect(sent).toEqual(["Bearer t0", "Bearer t1"]);
  expect(source.asked).toEqual([false, true]);
});

test("a second 401 is an auth error saying why, never a third try", async () => {
  const sent = api(401, 401, 200);
  const source = tokens();
  const error = (await new ApiClient(entra, source).json("/runs").catch((e: unknown) => e)) as ApiError;
  expect(error).toBeInstanceOf(ApiError);
  expect(error.kind).toBe("auth");
  expect(error.message).toContain("answer 401");
  expect(sent.length).toBe(2);
  expect(source.accepts).toBe(0);
});

test("a 403 is not renewed: the account lacks the role, a new token would too", async () => {
  const sent = api(403);
  const error = (await new ApiClient(entra, tokens()).json("/runs").catch((e: unknown) => e)) as ApiError;
  expect(error.message).toMatch(/may not read this API: answer 403/);
  expect(sent.length).toBe(1);
});

test("leaving for the sign-in page is passed through; other token failures become auth errors", async () => {
  api(200);
  const leaving: BearerSource = { token: async () => { throw new SigningIn(); }, accepted: () => {} };
  await expect(new ApiClient(entra, leaving).json("/runs")).rejects.toBeInstanceOf(SigningIn);
  const broken: BearerSource = { token: async () => { throw new Error("the authority is unreachable"); }, accepted: () => {} };
  await expect(new ApiClient(entra, broken).json("/runs")).rejects.toMatchObject({ kind: "auth", message: "the authority is unreachable" });
});

test("without a token source no Authorization header is sent", async () => {
  const sent = api(200);
  await new ApiClient({ apiBase: "/api", auth: "none" }).json("/runs");
  expect(sent).toEqual([null]);
});
