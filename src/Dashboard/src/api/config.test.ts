import { expect, test } from "vitest";
import { parseConfig } from "./config";

test("config keeps the three sign-in modes and falls back to none", () => {
  expect(parseConfig({ apiBase: "https://x.azurewebsites.net/api/", auth: "key" })).toMatchObject({ apiBase: "https://x.azurewebsites.net/api", auth: "key" });
  expect(typeof parseConfig({ auth: "entra" }).entra).toBe("string");
  expect(parseConfig({ auth: "key" }).entra).toBeUndefined();
  expect(parseConfig({ auth: "password" }).auth).toBe("none");
  expect(parseConfig(null).apiBase).toBe("/api");
});
