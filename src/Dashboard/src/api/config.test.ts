import { expect, test } from "vitest";
import { parseConfig } from "./config";

test("config keeps the three sign-in modes and falls back to none", () => {
  expect(parseConfig({ apiBase: "https://x.azurewebsites.net/api/", auth: "key" })).toMatchObject({ apiBase: "https://x.azurewebsites.net/api", auth: "key" });
  expect(parseConfig({ auth: "entra" }).loginPath).toBe("/.auth/login/aad");
  expect(parseConfig({ auth: "password" }).auth).toBe("none");
  expect(parseConfig(null).apiBase).toBe("/api");
});
