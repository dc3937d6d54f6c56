import type { BuildResult, Metafile } from "esbuild";

export declare const WIDGET_DIR: string;
export declare const DIST_DIR: string;
/** Builds dist/embed.js (and the demo page) into `outdir`. */
export declare function buildWidget(options?: {
  outdir?: string;
  minify?: boolean;
}): Promise<BuildResult & { metafile: Metafile }>;
