import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, SCREENS_DIR, startHarness, WidgetDriver, type WidgetHarness } from "./widget-harness.ts";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let harness: WidgetHarness;
let page: Page;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Runs axe-core on the widget's host element (its open shadow root included), or on the whole page. */
async function seriousViolations(target: Page, selector?: string): Promise<Violation[]> {
  await target.addScriptTag({ path: AXE_PATH });
  const violations = await target.evaluate(async (context) => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }
    ).axe;
    const node = context ? document.querySelector(context) : document;
    const result = await axe.run(node, { resultTypes: ["violations"] });
    return result.violations;
  }, selector);
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

const describeViolations = (violations: Violation[]) =>
  violations.map(
    (violation) => `${violation.id}: ${violation.help} ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
  );

describe.skipIf(!hasChromium)("citizen widget accessibility (axe-core)", () => {
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    await page?.close();
  });

  it("has no serious or critical violation with an answer, clarify options, in elder mode and in English", async () => {
    harness.setTags([""]);
    page = await harness.browser.newPage();
    await page.goto(harness.hostUrl);
    const widget = new WidgetDriver(page);
    expect(describeViolations(await seriousViolations(page, "[data-xiaoshen-widget]"))).toEqual([]);
    await widget.open();
    await widget.ask("外地人在上海办居住证要什么材料");
    await widget.ask("补办");
    expect(describeViolations(await seriousViolations(page, "[data-xiaoshen-widget]"))).toEqual([]);
    await widget.hook("elder-toggle").click();
    expect(describeViolations(await seriousViolations(page, "[data-xiaoshen-widget]"))).toEqual([]);
    await widget.hook("lang-toggle").click();
    expect(describeViolations(await seriousViolations(page, "[data-xiaoshen-widget]"))).toEqual([]);

    // Control: the scan does reach inside the shadow root (an unlabelled field there is reported).
    await page.evaluate(() => {
      document
        .querySelector("[data-xiaoshen-widget]")
        ?.shadowRoot?.querySelector(".log")
        ?.append(document.createElement("input"));
    });
    const control = await seriousViolations(page, "[data-xiaoshen-widget]");
    expect(control.map((violation) => violation.id)).toContain("label");
  });

  it("has no serious or critical violation with the hand-off banner, consent prompt and form card", async () => {
    const response = await fetch(`${harness.server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ citizenId: "demo-li-ming" }),
    });
    const { token } = (await response.json()) as { token: string };
    harness.setTags([`data-citizen-token="${token}"`]);
    page = await harness.browser.newPage();
    await page.goto(harness.hostUrl);
    const widget = new WidgetDriver(page);
    await widget.open();
    await widget.ask("我能办居住证吗");
    const consent = await widget.ask("帮我填居住证申请表");
    await consent.locator('[data-xs="consent-agree"]').click();
    await widget.nthAssistant(2);
    await widget.hook("human").click();
    await widget.hook("handoff").waitFor();
    expect(describeViolations(await seriousViolations(page, "[data-xiaoshen-widget]"))).toEqual([]);
  });

  it("renders guide pages without serious or critical violations", async () => {
    // The guide page's own CSP forbids inline script; the test lifts it only to inject axe.
    page = await harness.browser.newPage({ bypassCSP: true });
    await page.goto(`${harness.server.url}/guides/residence-permit#materials`);
    await page.screenshot({ path: `${SCREENS_DIR}19-guide-section.png` });
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
  });
});
