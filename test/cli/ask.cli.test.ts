import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/test-app.ts";

const BIN = join(import.meta.dirname, "../../bin/xiaoshen.js");
let data: ReturnType<typeof tempDir>;

function xiaoshen(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, XIAOSHEN_DATA_DIR: data.path, OPENAI_BASE_URL: "" },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  data = tempDir();
});
afterAll(() => data.remove());

describe("xiaoshen ask", () => {
  it("answers a residence-permit question with a citation, JSON only on stdout", () => {
    const { status, stdout } = xiaoshen("ask", "--json", "外地人在上海办居住证要什么材料");
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.kind).toBe("answer");
    expect(answer.citations[0]).toMatchObject({ matterId: "residence-permit", section: "materials" });
    expect(answer.ticketId).toBeNull();
    expect(answer.latencyMs).toBeGreaterThan(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 with a one-line error when the question is missing", () => {
    const { status, stdout, stderr } = xiaoshen("ask", "--json");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/question/);
  });

  it("exits 2 naming an unreadable batch file", () => {
    const { status, stderr } = xiaoshen("ask", "--json", "--batch", join(data.path, "missing.jsonl"));
    expect(status).toBe(2);
    expect(stderr).toMatch(/missing\.jsonl/);
  });

  it("answers a batch, reports malformed lines and keeps going, and keeps a session's context", () => {
    const file = join(data.path, "batch.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({ id: "a1", question: "办居住证需要什么条件", session: "s1", extra: "ignored" }),
        "{not json",
        JSON.stringify({ id: "a2", question: 42 }),
        JSON.stringify({ id: "a3", question: "那要带什么材料", session: "s1" }),
        JSON.stringify({ id: "a4", question: "那要带什么材料" }),
      ].join("\n"),
    );
    const { status, stdout } = xiaoshen("ask", "--json", "--batch", file);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(["a1", null, "a2", "a3", "a4"]);
    expect(lines[1].error).toMatch(/JSON/);
    expect(lines[2].error).toMatch(/question/);
    expect(lines[0].citations[0]).toMatchObject({ matterId: "residence-permit", section: "conditions" });
    // The follow-up inside session s1 stays on the residence permit.
    expect(lines[3].citations[0]).toMatchObject({ matterId: "residence-permit", section: "materials" });
    // The same words without a session name no matter: the assistant asks which one.
    expect(lines[4].kind).toBe("clarify");
    expect(lines[4].options.length).toBeGreaterThanOrEqual(2);
  });

  it("exits 2 on an unknown command", () => {
    expect(xiaoshen("frobnicate").status).toBe(2);
  });
});
