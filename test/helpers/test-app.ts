import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { type App, createApp } from "../../src/app.ts";
import { type Config, loadConfig } from "../../src/config/index.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";

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

/** A test app served over real HTTP on 127.0.0.1 (a free port); `stop` closes both. */
export async function serveTestApp(overrides: Partial<Config> = {}): Promise<{
  app: ReturnType<typeof createTestApp>;
  server: RunningServer;
  stop(): Promise<void>;
}> {
  const app = createTestApp(overrides);
  const server = await startServer(app, 0, "127.0.0.1");
  return {
    app,
    server,
    stop: async () => {
      await server.close();
      app.dispose();
    },
  };
}
