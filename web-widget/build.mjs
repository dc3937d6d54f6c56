// Bundles the widget (web-widget/src/embed.ts) into web-widget/dist/ with esbuild: one classic
// script, so the host page needs only `<script src=".../widget/embed.js" defer>`.
import { copyFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const WIDGET_DIR = fileURLToPath(new URL(".", import.meta.url));
export const DIST_DIR = fileURLToPath(new URL("./dist/", import.meta.url));

/** Builds dist/embed.js (minified IIFE, ES2019 so older phones still run it) and the demo page. */
export async function buildWidget({ outdir = DIST_DIR, minify = true } = {}) {
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./src/embed.ts", import.meta.url))],
    outfile: `${outdir}/embed.js`,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    minify,
    sourcemap: "linked",
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  await copyFile(new URL("./public/index.html", import.meta.url), `${outdir}/index.html`);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWidget();
