import { existsSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp } from "../helpers/test-app.ts";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH);
export const SCREENS_DIR = new URL("../../eval/reports/screens/", import.meta.url).pathname;

/** A host page on its own origin (another port) that embeds the widget with the one tag. */
export function hostPage(widgetUrl: string, tags: string[] = [""]): string {
  const scripts = tags.map((attributes) => `<script src="${widgetUrl}/widget/embed.js" ${attributes} defer></script>`);
  // Hostile host CSS: the shadow root must keep the widget readable anyway.
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某区政务服务网</title>
<style>* { font-size: 9px !important; color: #c00 !important; } button { display: none; }</style></head>
<body><main><h1>某区人民政府 · 政务服务</h1><p>欢迎访问。</p></main>${scripts.join("\n")}</body></html>`;
}

export interface WidgetHarness {
  app: ReturnType<typeof createTestApp>;
  server: RunningServer;
  browser: Browser;
  hostUrl: string;
  /** Serves the next host page with these script-tag attributes (one widget per entry). */
  setTags(tags: string[]): void;
  close(): Promise<void>;
}

export async function startHarness(): Promise<WidgetHarness> {
  const app = createTestApp();
  const server = await startServer(app, 0, "127.0.0.1");
  let tags = [""];
  const host: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(hostPage(server.url, tags));
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  const hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  mkdirSync(SCREENS_DIR, { recursive: true });
  return {
    app,
    server,
    browser,
    hostUrl,
    setTags: (next) => {
      tags = next;
    },
    close: async () => {
      await browser.close();
      await new Promise((resolve) => host.close(resolve));
      await server.close();
      app.dispose();
    },
  };
}

/** The widget as a test sees it: contract-5 hooks, found through the open shadow root. */
export class WidgetDriver {
  constructor(
    readonly page: Page,
    readonly root: Locator = page.locator("[data-xiaoshen-widget]").first(),
  ) {}

  hook(name: string): Locator {
    return this.root.locator(`[data-xs="${name}"]`);
  }

  messages(role: "user" | "assistant" | "agent" | "system"): Locator {
    return this.root.locator(`[data-xs="message"][data-role="${role}"]`);
  }

  async open(): Promise<void> {
    await this.hook("launcher").click();
    await this.hook("input").waitFor();
  }

  /** Types and sends a question, then waits for the assistant's next message. */
  async ask(question: string): Promise<Locator> {
    const before = await this.messages("assistant").count();
    await this.hook("input").fill(question);
    await this.hook("send").click();
    return this.nthAssistant(before);
  }

  async nthAssistant(index: number): Promise<Locator> {
    const reply = this.messages("assistant").nth(index);
    await reply.waitFor({ timeout: 15_000 });
    return reply;
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENS_DIR}${name}.png` });
  }
}
