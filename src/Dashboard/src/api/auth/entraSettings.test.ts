import { expect, test } from "vitest";
import { parseConfig } from "../config";
import { parseEntraSettings } from "./entraSettings";

const complete = { clientId: "0000-app", authority: "https://login.microsoftonline.com/tenant-1/", scopes: ["api://0000-app/access_as_user"] };

test("entra settings keep the client id, the authority without a trailing slash and the scopes", () => {
  expect(parseEntraSettings(complete)).toEqual({ ...complete, authority: "https://login.microsoftonline.com/tenant-1", knownAuthorities: [] });
  expect(parseEntraSettings({ ...complete, knownAuthorities: ["127.0.0.1:4443", 7] })).toMatchObject({ knownAuthorities: ["127.0.0.1:4443"] });
});

test("each missing entra setting is named, so the page says what config.json lacks", () => {
  expect(parseEntraSettings({ ...complete, clientId: "" })).toMatch(/without clientId/);
  expect(parseEntraSettings({ ...complete, authority: "http://login.example/t" })).toMatch(/without an https authority/);
  expect(parseEntraSettings({ ...complete, authority: "https://login.example" })).toMatch(/without an https authority/);
  expect(parseEntraSettings({ ...complete, scopes: [] })).toMatch(/without scopes/);
  expect(parseEntraSettings(null)).toMatch(/without clientId/);
});

test("config.json in entra mode carries the parsed sign-in settings", () => {
  expect(parseConfig({ apiBase: "https://api.example/api", auth: "entra", ...complete }).entra).toMatchObject({ clientId: "0000-app" });
});
