import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrefillCase, runPrefillCase } from "../../src/forms/index.ts";
import { createTestApp } from "../helpers/test-app.ts";

const cases = readFileSync("eval/sets/prefill.jsonl", "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as PrefillCase);

let app: ReturnType<typeof createTestApp>;
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

describe("eval/sets/prefill.jsonl", () => {
  it("has at least 20 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it("pre-fills every expected field, masked as in every output", async () => {
    const misses: string[] = [];
    for (const testCase of cases) {
      const result = await runPrefillCase(app, testCase);
      misses.push(...result.mismatches.map((field) => `${testCase.id}.${field}`));
      expect(JSON.stringify(result.fields)).not.toMatch(/\d{17}[\dX]/);
    }
    expect(misses).toEqual([]);
  });
});
