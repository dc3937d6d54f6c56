import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI } from "../helpers/fake-openai.ts";
import { tempDir } from "../helpers/test-app.ts";

const BIN = join(import.meta.dirname, "../../bin/xiaoshen.js");
let data: ReturnType<typeof tempDir>;
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;

// Async spawn: the fake endpoint lives in this process and must keep serving while the CLI runs.
function xiaoshen(env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, XIAOSHEN_DATA_DIR: data.path, ...env },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.on("close", (status) => resolve({ status, stdout }));
  });
}

/** Runs the shared batch file through the CLI with the given environment; parses its JSON lines. */
async function askBatch(env: Record<string, string>) {
  const { status, stdout } = await xiaoshen(env, "ask", "--json", "--batch", join(data.path, "batch.jsonl"));
  return {
    status,
    lines: stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line)),
  };
}

beforeAll(async () => {
  data = tempDir();
  fake = await startFakeOpenAI((body) => {
    const prompt = String(body.messages.at(-1)?.content ?? "");
    const key = /\[\[([a-z0-9-]+#[a-z-]+)\]\]/.exec(prompt)?.[1];
    return { content: `（模型回答）请参阅指南 [[${key}]]。` };
  });
  writeFileSync(
    join(data.path, "batch.jsonl"),
    [
      JSON.stringify({ id: "q1", question: "外地人在上海办居住证要什么材料", session: "s" }),
      JSON.stringify({ id: "q2", question: "那要多久", session: "s" }),
    ].join("\n"),
  );
});
afterAll(async () => {
  await fake.close();
  data.remove();
});

describe("the CLI batch in LLM mode", () => {
  it("answers through the configured model, cited", async () => {
    const { status, lines } = await askBatch({ OPENAI_BASE_URL: fake.baseUrl });
    expect(status).toBe(0);
    expect(lines.map((line) => line.kind)).toEqual(["answer", "answer"]);
    expect(lines[0].text).toContain("（模型回答）");
    expect(lines[0].citations[0].matterId).toBe("residence-permit");
    expect(lines[1].citations[0]).toMatchObject({ matterId: "residence-permit", section: "time-limit" });
  });

  it("still answers offline when the endpoint is down", async () => {
    const { status, lines } = await askBatch({
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      XIAOSHEN_LLM_TIMEOUT_MS: "2000",
    });
    expect(status).toBe(0);
    expect(lines[0].kind).toBe("answer");
    expect(lines[0].text).not.toContain("（模型回答）");
    expect(lines[0].citations[0].matterId).toBe("residence-permit");
  });
});
