import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CaseResult } from "../../src/eval/case-score.ts";
import { checkCitation } from "../../src/eval/citation-check.ts";
import type { ExpectedKind } from "../../src/eval/eval-case.schema.ts";
import { checkFaithfulness, extractClaims } from "../../src/eval/faithfulness.ts";
import { computeChatMetrics, confusionMatrix, percentile, rate } from "../../src/eval/metrics.ts";
import { compareReports, type EvalReport } from "../../src/eval/report.ts";
import { checkThresholds } from "../../src/eval/thresholds.ts";
import { loadKnowledgeBase } from "../../src/knowledge/index.ts";

function result(id: string, expected: ExpectedKind, actual: ExpectedKind, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    id,
    set: "test",
    tags: [],
    question: "q",
    expect: { kind: expected },
    actual: {
      kind: actual,
      matterId: null,
      section: null,
      options: [],
      citations: [],
      ticketCategory: null,
      urgency: null,
    },
    retrievedTop3: [],
    checks: {
      kind: expected === actual,
      matterTop1: null,
      recall3: null,
      section: null,
      citationsValid: null,
      faithful: null,
      category: null,
      urgency: null,
    },
    passed: expected === actual,
    problems: [],
    latencyMs: 1,
    text: "",
    ...extra,
  };
}

describe("routing metrics", () => {
  const results = [
    result("a1", "answer", "answer"),
    result("a2", "answer", "escalate"),
    result("a3", "answer", "clarify"),
    result("e1", "escalate", "escalate"),
    result("e2", "escalate", "answer"),
    result("r1", "refuse", "refuse"),
  ];

  it("counts expected kinds in rows and replied kinds in columns", () => {
    const matrix = confusionMatrix(results);
    expect(matrix.answer).toEqual({ answer: 1, clarify: 1, escalate: 1, refuse: 0 });
    expect(matrix.escalate).toEqual({ answer: 1, clarify: 0, escalate: 1, refuse: 0 });
    expect(matrix.refuse.refuse).toBe(1);
    expect(matrix.clarify).toEqual({ answer: 0, clarify: 0, escalate: 0, refuse: 0 });
  });

  it("derives accuracy and false / missed escalation rates from the matrix", () => {
    const metrics = computeChatMetrics(results);
    expect(metrics.routingAccuracy).toBeCloseTo(3 / 6);
    expect(metrics.falseEscalationRate).toBeCloseTo(1 / 4);
    expect(metrics.missedEscalationRate).toBeCloseTo(1 / 2);
  });

  it("groups accuracy by set and by tag", () => {
    const tagged = [
      result("x", "answer", "answer", { tags: ["elderly", "typo"] }),
      result("y", "answer", "refuse", { tags: ["elderly"], passed: false }),
    ];
    const metrics = computeChatMetrics(tagged);
    expect(metrics.byTag).toEqual([
      { name: "elderly", cases: 2, passed: 1, accuracy: 0.5 },
      { name: "typo", cases: 1, passed: 1, accuracy: 1 },
    ]);
    expect(metrics.bySet).toEqual([{ name: "test", cases: 2, passed: 1, accuracy: 0.5 }]);
  });

  it("ignores unmeasured checks in a rate and reports null when nothing was measured", () => {
    expect(rate([true, null, false, true])).toBeCloseTo(2 / 3);
    expect(rate([null, null])).toBeNull();
  });

  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([], 95)).toBe(0);
  });
});

describe("faithfulness", () => {
  const section =
    "办理时限：自受理之日起20个工作日内办结。申请材料：\n1. 本人居民身份证\n2. 《居住登记凭证》\n工本费20元。";

  it("accepts a reply that only quotes the cited section", () => {
    const reply =
      "【办理时限】[1]\n自受理之日起20个工作日内办结。\n1. 本人居民身份证\n完整指南：/guides/residence-permit#time-limit";
    const check = checkFaithfulness(reply, [section]);
    expect(check.faithful).toBe(true);
    expect(check.claims.map((claim) => claim.text)).toEqual(expect.arrayContaining(["20个工作日", "本人居民身份证"]));
  });

  it("catches an invented time limit, fee and material", () => {
    const reply = "一般30个工作日办结，工本费50元，请带上《单位介绍信》。";
    const check = checkFaithfulness(reply, [section]);
    expect(check.faithful).toBe(false);
    expect(check.unsupported.map((claim) => claim.text)).toEqual(["30个工作日", "50元", "单位介绍信"]);
  });

  it("catches a number written in Chinese numerals", () => {
    expect(checkFaithfulness("三个月内办结", [section]).unsupported.map((claim) => claim.text)).toEqual(["三个月"]);
  });

  it("skips boilerplate lines such as next-step suggestions", () => {
    const hint = "回复“帮我预判”，3秒出结果";
    expect(extractClaims(`20个工作日\n${hint}`, [hint]).map((claim) => claim.text)).toEqual(["20个工作日"]);
  });
});

describe("citation validity", () => {
  const knowledge = loadKnowledgeBase(join(import.meta.dirname, "../../knowledge"));
  const known = new Set(["residence-permit"]);

  it("accepts an existing section of a retrieved guide with its title", () => {
    const citation = { matterId: "residence-permit", section: "materials", title: "上海市居住证申领 · 申请材料" };
    expect(checkCitation(knowledge, citation, known).valid).toBe(true);
  });

  it("rejects unknown guides, unknown sections, wrong titles and guides never retrieved", () => {
    const title = "上海市居住证申领 · 申请材料";
    expect(checkCitation(knowledge, { matterId: "no-such-guide", section: "materials", title }, known).problem).toBe(
      "unknown-guide",
    );
    expect(checkCitation(knowledge, { matterId: "residence-permit", section: "recipes", title }, known).problem).toBe(
      "unknown-section",
    );
    expect(checkCitation(knowledge, { matterId: "residence-permit", section: "fees", title }, known).problem).toBe(
      "title-mismatch",
    );
    expect(
      checkCitation(knowledge, { matterId: "passport", section: "fees", title: "普通护照申领 · 收费标准" }, known)
        .problem,
    ).toBe("not-retrieved");
  });
});

describe("thresholds and comparison", () => {
  it("fails a metric under its floor or over its ceiling and skips unmeasured ones", () => {
    const checks = checkThresholds(
      { routingAccuracy: 0.9, latencyP95Ms: 80, eligibilityAccuracy: null },
      { min: { routingAccuracy: 0.95, eligibilityAccuracy: 0.98, missing: 0.5 }, max: { latencyP95Ms: 50 } },
    );
    const byMetric = Object.fromEntries(checks.map((check) => [check.metric, check.passed]));
    expect(byMetric).toEqual({
      routingAccuracy: false,
      eligibilityAccuracy: true,
      missing: false,
      latencyP95Ms: false,
    });
  });

  it("lists cases that improved and regressed since the previous report", () => {
    const previous = {
      runAt: "before",
      routingAccuracy: 0.5,
      cases: [result("a", "answer", "refuse"), result("b", "answer", "answer"), result("gone", "answer", "answer")],
    };
    const current = {
      runAt: "now",
      routingAccuracy: 0.75,
      cases: [
        result("a", "answer", "answer"),
        result("b", "answer", "refuse", { passed: false }),
        result("new", "answer", "answer"),
      ],
    } as unknown as EvalReport;
    const comparison = compareReports(previous as Partial<EvalReport>, current);
    expect(comparison.improved).toEqual(["a"]);
    expect(comparison.regressed).toEqual(["b"]);
    expect(comparison.added).toEqual(["new"]);
    expect(comparison.removed).toEqual(["gone"]);
    expect(comparison.metrics.find((item) => item.metric === "routingAccuracy")?.delta).toBe(0.25);
  });
});

describe("faithfulness of English answers", () => {
  it("accepts a figure given in English units when the Chinese section has it, and flags one it lacks", () => {
    const section = "工本费20元，自受理之日起30日内办结。";
    expect(checkFaithfulness("The fee is 20 yuan and it takes 30 days.", [section]).faithful).toBe(true);
    expect(checkFaithfulness("The fee is 40 yuan.", [section]).unsupported.map((claim) => claim.text)).toEqual([
      "40 yuan",
    ]);
  });
});
