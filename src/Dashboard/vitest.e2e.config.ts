import { defineConfig } from "vitest/config";

// End-to-end tests drive the system Chromium against a running host
// (CVC_BASE_URL, default the DevHost on 127.0.0.1:7071). One file at a time:
// the machine is small and the tests share one browser per file.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    globalSetup: ["e2e/global-setup.ts"],
  },
});
