import { describe, expect, it } from "vitest";
import { KnowledgeError, parseGuide } from "../../src/knowledge/index.ts";

const FRONT = `---
id: sample-matter
title: { zh: 示例事项, en: Sample matter }
group: personal
department: { zh: 示例部门, en: Sample department }
summary: { zh: 示例摘要, en: A sample summary }
aliases: [示例]
materials:
  - { name: 居民身份证, form: original, count: 1, exempt: true }
sources:
  - { url: "https://zwdt.sh.gov.cn/", title: 一网通办, retrieved: 2026-11-23 }
lastVerified: 2026-11-23
---
`;

describe("parseGuide", () => {
  it("splits sections by their {#key} headings and FAQ items by ### headings", () => {
    const guide = parseGuide(
      "sample-matter.md",
      `${FRONT}\n## 概述 {#overview}\n这是概述。\n\n## 常见问题 {#faq}\n### 问一？\n答一。\n### 问二？\n答二。\n`,
    );
    expect(guide.sections.overview?.text).toBe("这是概述。");
    expect(guide.sections.faq?.faq).toEqual([
      { question: "问一？", answer: "答一。" },
      { question: "问二？", answer: "答二。" },
    ]);
  });

  it("renders the structured materials list into the materials section, marking exempt items", () => {
    const guide = parseGuide("sample-matter.md", `${FRONT}\n## 概述 {#overview}\n概述。\n`);
    expect(guide.sections.materials?.text).toContain("居民身份证（原件1份；两个免于提交");
  });

  it("names the file and the field when the front matter is invalid", () => {
    const bad = FRONT.replace("group: personal", "group: citizens");
    expect(() => parseGuide("sample-matter.md", `${bad}\n## 概述 {#overview}\n概述。\n`)).toThrowError(
      /sample-matter\.md: group:/,
    );
  });

  it("names the nested field of a bad source date", () => {
    const bad = FRONT.replace("retrieved: 2026-11-23", "retrieved: yesterday");
    try {
      parseGuide("sample-matter.md", bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KnowledgeError);
      expect((error as KnowledgeError).field).toBe("sources[0].retrieved");
    }
  });

  it("rejects an unknown section key", () => {
    expect(() => parseGuide("sample-matter.md", `${FRONT}\n## 其他 {#other}\n内容\n`)).toThrowError(
      /unknown section key/,
    );
  });

  it("rejects a file without front matter", () => {
    expect(() => parseGuide("x.md", "## 概述 {#overview}\n内容")).toThrowError(/x\.md: missing YAML front matter/);
  });
});
