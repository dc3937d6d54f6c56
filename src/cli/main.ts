import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApp, INDEX_DIRECTORY } from "../app.ts";
import { ConfigError, loadConfig } from "../config/index.ts";
import { KnowledgeError, loadKnowledgeBase } from "../knowledge/index.ts";
import { OpenAiEmbedder } from "../llm/openai-embedder.ts";
import { createLogger } from "../logging/logger.ts";
import { buildRetrievalIndex, buildRetrievalIndexWith, saveRetrievalIndex } from "../retrieval/index.ts";
import { startServer } from "../server/server.ts";
import { onShutdownSignal } from "../server/shutdown.ts";
import { askCommand } from "./ask.command.ts";
import { UsageError } from "./usage-error.ts";

const USAGE = `usage:
  xiaoshen ask [--json] "问题"
  xiaoshen ask --json --batch FILE.jsonl
  xiaoshen serve [--port N]
  xiaoshen index
  xiaoshen eval [--sets DIR] [--report-dir DIR] [--thresholds FILE] [--llm] [--quiet]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const write = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case "ask": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: "boolean", default: false }, batch: { type: "string" } },
      });
      const config = loadConfig();
      const app = createApp(config, createLogger("warn"));
      try {
        await askCommand(
          app,
          { json: values.json ?? false, batch: values.batch, question: positionals.join(" ") },
          write,
        );
      } finally {
        app.close();
      }
      return 0;
    }
    case "serve": {
      const { values } = parseArgs({ args: rest, options: { port: { type: "string" } } });
      const port = values.port === undefined ? undefined : parsePort(values.port);
      const config = loadConfig(process.env, port === undefined ? {} : { port });
      const app = createApp(config);
      const running = await startServer(app);
      app.logger.info({ url: running.url, guides: app.knowledge.guides.length }, "xiaoshen listening");
      process.stderr.write(
        `小申 Xiao Shen listening on ${running.url} (widget ${running.url}/widget/, console ${running.url}/console/)\n`,
      );
      onShutdownSignal(
        async (signal) => {
          app.logger.info({ signal }, "draining in-flight requests");
          const result = await running.drain();
          app.logger.info(result, "stopped");
          app.close();
        },
        (code) => process.exit(code),
      );
      return -1; // keep running
    }
    case "index": {
      const config = loadConfig();
      const knowledge = loadKnowledgeBase(config.knowledgeDir);
      const index = buildRetrievalIndex(knowledge);
      saveRetrievalIndex(join(config.dataDir, INDEX_DIRECTORY), index);
      process.stderr.write(
        `index built: ${knowledge.guides.length} guides, ${index.meta.chunkCount} chunks, ${index.meta.buildMs} ms, hash ${index.meta.contentHash}\n` +
          `vectors: ${index.meta.embedder.id} (${index.meta.embedder.dimensions} dimensions)\n`,
      );
      if (config.llm?.embedModel) {
        const embedder = new OpenAiEmbedder({ ...config.llm, model: config.llm.embedModel });
        const remote = await buildRetrievalIndexWith(knowledge, { kind: "given", embedder });
        saveRetrievalIndex(join(config.dataDir, INDEX_DIRECTORY, "remote"), remote);
        process.stderr.write(
          `remote vectors: ${remote.meta.embedder.id} (${remote.meta.embedder.dimensions} dimensions)\n`,
        );
      }
      return 0;
    }
    case "eval": {
      const { runEvalCommand } = await import("../eval/eval.command.ts");
      return runEvalCommand(rest);
    }
    case undefined:
    case "help":
    case "--help":
      process.stderr.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be an integer 0–65535, got "${value}"`);
  return port;
}

function isBadInput(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? "";
  return (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof KnowledgeError ||
    code.startsWith("ERR_PARSE_ARGS")
  );
}

main(process.argv.slice(2)).then(
  (status) => {
    if (status >= 0) process.exitCode = status;
  },
  (error: unknown) => {
    const message = (error as Error)?.message?.split("\n")[0] ?? String(error);
    process.stderr.write(`xiaoshen: ${message}\n`);
    process.exitCode = isBadInput(error) ? 2 : 1;
  },
);
