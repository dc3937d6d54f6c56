export { type Config, ConfigError, environmentSchema, loadConfig } from "./config.ts";
