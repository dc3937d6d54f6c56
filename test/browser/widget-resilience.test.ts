import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatInput } from "../../src/assistant/index.ts";
import { hasChromium, startHarness, WidgetDriver, type WidgetHarness } from "./widget-harness.ts";

let harness: WidgetHarness;
let page: Page;

type Chat = (
  input: ChatInput,
  options?: { onToken?: (token: string) => void },
) => ReturnType<WidgetHarness["app"]["assistant"]["chat"]>;

/** Wraps the assistant for one test; the original comes back afterwards. */
function interceptChat(wrap: (original: Chat) => Chat): () => void {
  const assistant = harness.app.assistant;
  const original: Chat = assistant.chat.bind(assistant);
  assistant.chat = wrap(original);
  return () => {
    assistant.chat = original;
  };
}

async function seqsAndTexts(widget: WidgetDriver) {
  return widget.root.locator('[data-xs="message"]').evaluateAll((elements) =>
    elements.map((element) => ({
      seq: Number(element.getAttribute("data-seq")),
      role: element.getAttribute("data-role"),
      text: element.textContent ?? "",
    })),
  );
}

describe.skipIf(!hasChromium)("citizen widget under network trouble", () => {
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    await page?.close();
    harness.setTags([""]);
  });

  it("loses and duplicates nothing when the socket drops in the middle of a reply", async () => {
    page = await harness.browser.newPage();
    await page.goto(harness.hostUrl);
    const widget = new WidgetDriver(page);
    await widget.open();
    await widget.ask("居住证在哪里办");

    let dropped = false;
    const restore = interceptChat((original) => async (input, options) => {
      if (input.message === "居住证要多久" && !dropped) {
        dropped = true;
        // The network goes away after the question arrived and before the reply went out.
        for (const socket of harness.server.io.of("/citizen").sockets.values()) socket.conn.close();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return original(input, options);
    });
    try {
      await widget.hook("input").fill("居住证要多久");
      await widget.hook("send").click();
      await widget.nthAssistant(1);
      await widget.screenshot("10-after-socket-drop");
      await widget.ask("要带身份证吗");
      await page.waitForTimeout(500);
    } finally {
      restore();
    }
    expect(dropped).toBe(true);
    const shown = await seqsAndTexts(widget);
    expect(shown.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      shown.filter((message) => message.role === "user").map((message) => message.text.replace(/^我/, "")),
    ).toEqual(["居住证在哪里办", "居住证要多久", "要带身份证吗"]);
    expect(shown.filter((message) => message.role === "assistant")).toHaveLength(3);
  });

  it("restores the conversation after a page reload, each message once", async () => {
    page = await harness.browser.newPage();
    await page.goto(harness.hostUrl);
    let widget = new WidgetDriver(page);
    await widget.open();
    await widget.ask("居住证要花钱吗");
    await widget.ask("在哪里办");
    await page.reload();
    widget = new WidgetDriver(page);
    await widget.open();
    await widget.nthAssistant(1);
    const shown = await seqsAndTexts(widget);
    expect(shown.map((message) => message.seq)).toEqual([1, 2, 3, 4]);
  });

  it("falls back to HTTP POST /api/chat when the socket cannot connect", async () => {
    page = await harness.browser.newPage();
    await page.route("**/socket.io/**", (route) => route.abort());
    const posted: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/chat")) posted.push(request.method());
    });
    await page.goto(harness.hostUrl);
    const widget = new WidgetDriver(page);
    await widget.open();
    const reply = await widget.ask("居住证要花钱吗");
    await expect(reply.locator('[data-xs="citation"]').first().getAttribute("href")).resolves.toContain(
      "/guides/residence-permit#fees",
    );
    expect(posted).toContain("POST");
    await expect(widget.messages("user").count()).resolves.toBe(1);
  });

  it("renders streamed tokens progressively and replaces them with the stored reply", async () => {
    page = await harness.browser.newPage();
    await page.goto(harness.hostUrl);
    const widget = new WidgetDriver(page);
    await widget.open();
    let release: () => void = () => {};
    const restore = interceptChat((original) => async (input, options) => {
      for (const token of ["居住证", "首次申领", "不收费"]) options?.onToken?.(token);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return original(input, options);
    });
    try {
      await widget.hook("input").fill("居住证要花钱吗");
      await widget.hook("send").click();
      const streaming = widget.root.locator(".streaming .tokens");
      await expect.poll(() => streaming.textContent()).toBe("居住证首次申领不收费");
      await widget.screenshot("11-streaming");
      release();
      await widget.nthAssistant(0);
      await expect(widget.root.locator(".streaming").count()).resolves.toBe(0);
      await expect(widget.messages("assistant").count()).resolves.toBe(1);
    } finally {
      restore();
    }
  });

  it("keeps two widgets on one page apart: own shadow roots, own sessions, no shared ids", async () => {
    harness.setTags(['data-lang="zh"', 'data-lang="en" data-mode="elder"']);
    page = await harness.browser.newPage();
    await page.goto(harness.hostUrl);
    const hosts = page.locator("[data-xiaoshen-widget]");
    await expect(hosts.count()).resolves.toBe(2);
    const first = new WidgetDriver(page, hosts.nth(0));
    const second = new WidgetDriver(page, hosts.nth(1));
    await expect(second.hook("send").textContent()).resolves.toBe("Send");
    await expect(second.hook("elder-toggle").getAttribute("aria-pressed")).resolves.toBe("true");
    await first.open();
    await first.ask("居住证要花钱吗");
    await second.open();
    await second.ask("How do I renew my passport?");
    await expect(first.hook("launcher").getAttribute("aria-expanded")).resolves.toBe("false");
    await first.screenshot("12-two-widgets");
    await expect(first.messages("user").count()).resolves.toBe(1);
    await expect(second.messages("user").count()).resolves.toBe(1);
    const sessions = await page.evaluate(() => Object.values({ ...sessionStorage }));
    expect(new Set(sessions).size).toBe(2);
    const launchers = await page.evaluate(() =>
      Array.from(document.querySelectorAll("[data-xiaoshen-widget]")).map(
        (host) => host.shadowRoot?.querySelector('[data-xs="launcher"]')?.getBoundingClientRect().left,
      ),
    );
    expect(launchers[0]).not.toBe(launchers[1]);
  });
});
