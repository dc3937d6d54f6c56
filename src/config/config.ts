import { resolve } from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** Every environment variable the service reads (contract 4), parsed once at start-up. */
export const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  XIAOSHEN_DATA_DIR: z.string().trim().min(1).default("./data"),
  XIAOSHEN_KNOWLEDGE_DIR: z.string().trim().min(1).default("./knowledge"),
  OPENAI_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OPENAI_API_KEY: optionalString,
  XIAOSHEN_MODEL: optionalString,
  XIAOSHEN_EMBED_MODEL: optionalString,
  XIAOSHEN_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  XIAOSHEN_SESSION_SECRET: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  XIAOSHEN_RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  XIAOSHEN_RATE_LIMIT_SESSION_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  XIAOSHEN_SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  knowledgeDir: string;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  /** Secret that signs citizen session tokens; generated and kept in the data dir when unset. */
  sessionSecret?: string;
  /** Requests (HTTP) and events (socket) allowed per minute per client IP and per session; 0 turns a limit off. */
  rateLimit?: { ipPerMinute: number; sessionPerMinute: number };
  /** How long SIGTERM waits for in-flight requests before closing connections. */
  shutdownGraceMs?: number;
  /** Present only when OPENAI_BASE_URL is set: the LLM mode is on. */
  llm?: { baseUrl: string; apiKey: string; model: string; embedModel?: string; timeoutMs: number };
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`invalid environment variable ${variable}: ${detail}`);
  }
}

/** Parses the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? "environment"), issue?.message ?? "invalid");
  }
  const env = parsed.data;
  const config: Config = {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.XIAOSHEN_DATA_DIR),
    knowledgeDir: resolve(env.XIAOSHEN_KNOWLEDGE_DIR),
    logLevel: env.LOG_LEVEL,
    sessionSecret: env.XIAOSHEN_SESSION_SECRET,
    rateLimit: {
      ipPerMinute: env.XIAOSHEN_RATE_LIMIT_IP_PER_MINUTE,
      sessionPerMinute: env.XIAOSHEN_RATE_LIMIT_SESSION_PER_MINUTE,
    },
    shutdownGraceMs: env.XIAOSHEN_SHUTDOWN_GRACE_MS,
    llm: env.OPENAI_BASE_URL
      ? {
          baseUrl: env.OPENAI_BASE_URL,
          apiKey: env.OPENAI_API_KEY ?? "not-needed",
          model: env.XIAOSHEN_MODEL ?? "qwen-plus",
          embedModel: env.XIAOSHEN_EMBED_MODEL,
          timeoutMs: env.XIAOSHEN_LLM_TIMEOUT_MS,
        }
      : undefined,
  };
  return { ...config, ...overrides };
}
