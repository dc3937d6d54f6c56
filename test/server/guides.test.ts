import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTION_KEYS } from "../../src/knowledge/index.ts";
import { markdownToHtml } from "../../src/server/routes/guides.markdown.ts";
import { renderGuidePage } from "../../src/server/routes/guides.page.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { type createTestApp, serveTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;
let server: RunningServer;

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ app, server, stop } = await serveTestApp());
});
afterAll(() => stop());

describe("guide pages", () => {
  it("renders a guide with one anchored section per key, the materials list and dated sources", async () => {
    const response = await fetch(`${server.url}/guides/residence-permit`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<h1>上海市居住证申领</h1>");
    for (const key of SECTION_KEYS) expect(html).toContain(`<section id="${key}"`);
    expect(html).toMatch(/本人居民身份证<\/span> <strong class="exempt"[^>]*>两个免于提交<\/strong>/);
    expect(html).toMatch(/近期免冠证件照片或照片回执<\/span><br>/);
    expect(html).toContain('<time datetime="2026-11-23">2026-11-23</time>');
    expect(html).toContain('href="https://www.gov.cn/zhengce/content/2015-12/14/content_10398.htm"');
  });

  it("links every citation of a chat answer to an existing section anchor", async () => {
    const chat = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "公积金提取要什么材料" }),
    });
    const answer = await chat.json();
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) {
      const [path, anchor] = (citation.url as string).split("#");
      const page = await fetch(`${server.url}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<section id="${anchor}"`);
    }
  });

  it("answers an unknown or malformed guide id with a 404 page", async () => {
    const unknown = await fetch(`${server.url}/guides/no-such-guide`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("未找到办事指南");
    const malformed = await fetch(`${server.url}/guides/%3Cscript%3E`);
    expect(malformed.status).toBe(404);
    expect(await malformed.text()).not.toContain("<script>");
  });

  it("escapes guide text so it can never inject markup", () => {
    const guide = app.knowledge.get("residence-permit")!;
    const hostile = { ...guide, title: { zh: "<script>alert(1)</script>", en: 'a" onmouseover="x' } };
    const html = renderGuidePage(hostile);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).not.toContain('a" onmouseover="x');
  });

  it("renders the Markdown subset: lists, numbered steps, FAQ questions, bold, http links only", () => {
    const html = markdownToHtml(
      "第一段\n\n- 甲\n- 乙\n\n1. 一步\n2. 二步\n\n### 问题？\n**重要** [门户](https://zwdt.sh.gov.cn/) [坏](javascript:alert(1))",
    );
    expect(html).toContain("<p>第一段</p>");
    expect(html).toContain("<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>");
    expect(html).toContain("<ol>\n<li>一步</li>\n<li>二步</li>\n</ol>");
    expect(html).toContain("<h3>问题？</h3>");
    expect(html).toContain('<strong>重要</strong> <a href="https://zwdt.sh.gov.cn/" rel="noopener">门户</a>');
    expect(html).not.toContain('href="javascript');
  });
});
