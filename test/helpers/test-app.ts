import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { type App, createApp } from "../../src/app.ts";
import { type Config, loadConfig } from "../../src/config/index.ts";

export function tempDir(prefix = "xiaoshen-test-"): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A real app (real SQLite file, real index) in a fresh temp data dir, logging nowhere. */
export function createTestApp(overrides: Partial<Config> = {}): App & { dataDir: string; dispose(): void } {
  const data = tempDir();
  const config = loadConfig({ ...process.env, OPENAI_BASE_URL: "" }, { dataDir: data.path, ...overrides });
  const app = createApp(config, pino({ level: "silent" }));
  return {
    ...app,
    dataDir: data.path,
    dispose: () => {
      app.close();
      data.remove();
    },
  };
}
