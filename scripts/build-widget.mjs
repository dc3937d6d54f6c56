// Builds the embeddable widget bundle with esbuild (runs on `npm ci` via the prepare script).
import { existsSync } from "node:fs";

if (!existsSync(new URL("../web-widget/src/embed.ts", import.meta.url))) {
  console.log("build-widget: no widget sources yet, nothing to build");
  process.exit(0);
}
const { buildWidget } = await import("../web-widget/build.mjs");
await buildWidget();
