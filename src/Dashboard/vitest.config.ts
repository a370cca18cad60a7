import { defineConfig } from "vitest/config";

// Unit tests: pure layout, encoding and state logic; no browser, no server.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
