import { defineConfig } from "vite";

// Relative base: the same dist/ is served at "/" by the DevHost and from any
// sub-path by a static host, so asset URLs must not assume the root.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", target: "es2022", sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { "/api": process.env.CVC_API ?? "http://127.0.0.1:7071" } },
});
