import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hasChromium, startHarness, WidgetDriver, type WidgetHarness } from "./widget-harness.ts";

let harness: WidgetHarness;
let page: Page;
let widget: WidgetDriver;

describe.skipIf(!hasChromium)("citizen widget in Chromium, embedded on another origin", () => {
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    harness.setTags([""]);
    page = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(harness.hostUrl);
    widget = new WidgetDriver(page);
  });
  afterEach(async () => {
    await page.close();
  });

  it("mounts a launcher in an open shadow root and answers with a citation linking to the guide section", async () => {
    expect(new URL(harness.hostUrl).origin).not.toBe(new URL(harness.server.url).origin);
    const isShadow = await page.evaluate(() => Boolean(document.querySelector("[data-xiaoshen-widget]")?.shadowRoot));
    expect(isShadow).toBe(true);
    await widget.screenshot("01-launcher");
    await widget.open();
    const reply = await widget.ask("外地人在上海办居住证要什么材料");
    const citation = reply.locator('[data-xs="citation"]').first();
    await expect(citation.getAttribute("href")).resolves.toBe(
      `${harness.server.url}/guides/residence-permit#materials`,
    );
    await expect(widget.messages("user").count()).resolves.toBe(1);
    await widget.screenshot("02-cited-answer");

    const guide = await harness.browser.newPage();
    await guide.goto((await citation.getAttribute("href")) ?? "");
    await expect(guide.locator("section#materials h2").textContent()).resolves.toContain("申请材料");
    await guide.screenshot({
      path: `${new URL("../../eval/reports/screens/", import.meta.url).pathname}03-guide-page.png`,
    });
    await guide.close();
  });

  it("offers clarify options as buttons and answers the chosen one", async () => {
    await widget.open();
    const question = await widget.ask("补办");
    const options = question.locator('[data-xs="option"]');
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    await widget.screenshot("04-clarify-options");
    await options.filter({ hasText: "居住证" }).first().click();
    const answer = await widget.nthAssistant(1);
    await expect(answer.locator('[data-xs="citation"]').first().getAttribute("href")).resolves.toContain(
      "/guides/residence-permit#",
    );
    await expect(widget.messages("user").nth(1).textContent()).resolves.toContain("居住证");
  });

  it("escalates with the 转人工 button, shows the ticket id, and shows the agent's reply live", async () => {
    await widget.open();
    await widget.hook("human").click();
    const handoff = widget.hook("handoff");
    await handoff.waitFor();
    const ticketId = await handoff.getAttribute("data-ticket");
    expect(ticketId).toBeTruthy();
    await expect(handoff.textContent()).resolves.toContain(ticketId ?? "?");
    await widget.screenshot("05-handoff");

    const agent = { username: "agent-wang", supervisor: true, displayName: "王工" };
    await harness.app.desk.transition(agent, ticketId ?? "", "assign", agent.username);
    await harness.app.desk.reply(agent, ticketId ?? "", { text: "您好，我是12345的王工，正在查看您的问题。" });
    await widget.messages("agent").first().waitFor();
    // With the panel closed, the next reply shows as a count on the launcher.
    await widget.hook("close").click();
    await harness.app.desk.reply(agent, ticketId ?? "", {
      text: "居住证的材料请看这里。",
      citations: [{ matterId: "residence-permit", section: "materials" }],
    });
    await expect.poll(() => widget.hook("unread").textContent()).toBe("1");
    await widget.screenshot("06a-unread-badge");
    await widget.hook("launcher").click();
    await expect(widget.hook("unread").count()).resolves.toBe(0);
    const agentMessage = widget.messages("agent").nth(1);
    await expect(widget.messages("agent").first().textContent()).resolves.toContain("王工");
    await expect(agentMessage.locator('[data-xs="citation"]').getAttribute("href")).resolves.toBe(
      `${harness.server.url}/guides/residence-permit#materials`,
    );
    await widget.screenshot("06-agent-reply");
  });

  it("switches to elder mode (large, high contrast, bigger targets) and to an English interface", async () => {
    await widget.open();
    await widget.ask("居住证要花钱吗");
    await widget.hook("elder-toggle").click();
    await expect(widget.hook("elder-toggle").getAttribute("aria-pressed")).resolves.toBe("true");
    const fontSize = await widget
      .messages("assistant")
      .first()
      .evaluate((element) => getComputedStyle(element).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(20);
    const sendHeight = await widget.hook("send").evaluate((element) => element.getBoundingClientRect().height);
    expect(sendHeight).toBeGreaterThanOrEqual(48);
    await expect(widget.hook("human").textContent()).resolves.toBe("找真人");
    await widget.screenshot("07-elder-mode");
    // Replies are read aloud in elder mode (speech synthesis recorded instead of played).
    await page.evaluate(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
        spoken.push(`${utterance.lang}:${utterance.text}`);
      };
    });
    await widget.ask("居住证在哪里办");
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatch(/^zh-CN:[\s\S]*社区事务受理服务中心/);
    expect(spoken[0]).not.toMatch(/\[1\]|\/guides\//);

    await widget.hook("lang-toggle").click();
    await expect(widget.hook("send").textContent()).resolves.toBe("Send");
    await expect(widget.root.locator(".panel").getAttribute("lang")).resolves.toBe("en");
    await expect(
      widget.hook("lang-toggle").evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement),
    ).resolves.toBe(true);
    const reply = await widget.ask("How do I apply for a residence permit?");
    await expect(reply.locator('[data-xs="citation"]').count()).resolves.toBeGreaterThan(0);
    await widget.screenshot("08-english-elder");
    await widget.hook("elder-toggle").click();
    await widget.screenshot("09-english-standard");
  });

  it("sends 没用 as a failure signal and keeps 有用 to one click per answer", async () => {
    await widget.open();
    const first = await widget.ask("居住证要花钱吗");
    await first.locator('[data-xs="feedback-up"]').click();
    await expect(first.locator('[data-xs="feedback-up"]').count()).resolves.toBe(0);
    await expect(widget.messages("user").count()).resolves.toBe(1);
    const second = await widget.ask("护照在哪里办");
    await second.locator('[data-xs="feedback-down"]').click();
    await widget.nthAssistant(2);
    await expect(widget.messages("user").nth(2).textContent()).resolves.toContain("没用");
    await widget.screenshot("20-feedback");
  });

  it("is fully usable by keyboard: open, send with Enter, close with Escape back to the launcher", async () => {
    await widget.hook("launcher").focus();
    await page.keyboard.press("Enter");
    await expect(
      widget.hook("input").evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement),
    ).resolves.toBe(true);
    await page.keyboard.type("居住证在哪里办");
    await page.keyboard.press("Enter");
    await widget.nthAssistant(0);
    await page.keyboard.press("Escape");
    await expect(widget.hook("launcher").getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(
      widget.hook("launcher").evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement),
    ).resolves.toBe(true);
  });
});
