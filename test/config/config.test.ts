import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.ts";

describe("loadConfig", () => {
  it("defaults to port 8080 on 127.0.0.1, offline", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe("127.0.0.1");
    expect(config.llm).toBeUndefined();
  });

  it("turns the LLM mode on only when OPENAI_BASE_URL is set", () => {
    const config = loadConfig({ OPENAI_BASE_URL: "http://127.0.0.1:9999/v1", XIAOSHEN_MODEL: "qwen2.5" });
    expect(config.llm).toMatchObject({ baseUrl: "http://127.0.0.1:9999/v1", model: "qwen2.5" });
  });

  it("names the variable when a value is bad", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrowError(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrowError(/PORT/);
    expect(() => loadConfig({ OPENAI_BASE_URL: "not a url" })).toThrowError(/OPENAI_BASE_URL/);
  });
});
