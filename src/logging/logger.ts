import pino from "pino";
import { maskText } from "../privacy/index.ts";
import { redactForLog } from "./log-redaction.ts";

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
      // redactForLog below serialises errors itself (masked); pino's serializer would re-wrap them.
      serializers: { err: (value: unknown) => value },
      // Secrets by key name at any depth, errors serialised, PII masked: see log-redaction.ts.
      formatters: { log: (object) => redactForLog(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // pino would take a bare Error's message as the line's text unmasked: wrap it as `err`.
          const [first, ...rest] = args as unknown[];
          const normalised =
            first instanceof Error ? [{ err: first }, rest[0] ?? first.message, ...rest.slice(1)] : args;
          method.apply(
            this,
            normalised.map((arg) => (typeof arg === "string" ? maskText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}
