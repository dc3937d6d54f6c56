import pino from "pino";
import { maskDeep, maskText } from "../privacy/index.ts";

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stderr (stdout belongs to `--json` output). Every string that reaches a
 * log line passes through the PII masker first.
 */
export function createLogger(
  level: pino.LevelWithSilent = "info",
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: { service: "xiaoshen" },
      redact: {
        paths: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"],
        censor: "[redacted]",
      },
      formatters: { log: (object) => maskDeep(object) },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === "string" ? maskText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}
