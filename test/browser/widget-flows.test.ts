import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, startHarness, WidgetDriver, type WidgetHarness } from "./widget-harness.ts";

let harness: WidgetHarness;
let page: Page;
let widget: WidgetDriver;
const CITIZEN = "demo-li-ming";

/** Signs the demo citizen in as the host portal would, and embeds the widget with the token. */
async function openAsCitizen(): Promise<void> {
  const response = await fetch(`${harness.server.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ citizenId: CITIZEN }),
  });
  const { token } = (await response.json()) as { token: string };
  harness.setTags([`data-citizen-token="${token}"`]);
  page = await harness.browser.newPage({ viewport: { width: 1000, height: 860 } });
  await page.goto(harness.hostUrl);
  widget = new WidgetDriver(page);
  await widget.open();
}

describe.skipIf(!hasChromium)("citizen widget: eligibility check, consent and the pre-filled form", () => {
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    await page?.close();
  });

  it("completes an eligibility check with quick answers (是/否 buttons and a number)", async () => {
    await openAsCitizen();
    let reply = await widget.ask("我能办居住证吗");
    await reply.locator('[data-xs="eligibility"][data-fact="hukouShanghai"]').waitFor();
    await widget.screenshot("13-eligibility-question");
    await reply.locator('[data-xs="quick-answer"]', { hasText: "否" }).click();

    reply = await widget.nthAssistant(1);
    await reply.locator('[data-xs="eligibility"][data-fact="residenceRegistrationMonths"]').waitFor();
    await reply.locator('[data-xs="quick-number"]').fill("8");
    await widget.screenshot("14-eligibility-number");
    await reply.locator('[data-xs="quick-submit"]').click();
    await expect(widget.messages("user").nth(2).textContent()).resolves.toContain("8个月");

    // Whatever is still missing is answered with 是 until the check ends.
    for (let turn = 2; turn < 6; turn += 1) {
      reply = await widget.nthAssistant(turn);
      if (await reply.locator('[data-xs="eligibility-outcome"]').count()) break;
      await reply.locator('[data-xs="quick-answer"]', { hasText: "是" }).click();
    }
    const outcome = widget.root.locator('[data-xs="eligibility-outcome"]').last();
    await expect(outcome.getAttribute("data-outcome")).resolves.toBe("eligible");
    await widget.screenshot("15-eligibility-outcome");
  });

  it("asks consent naming the fields, then shows the pre-filled form for review; confirm saves edits without submitting", async () => {
    await openAsCitizen();
    const consentReply = await widget.ask("帮我填居住证申请表");
    const consent = consentReply.locator('[data-xs="consent"]');
    await expect(consent.textContent()).resolves.toContain("公民身份号码");
    await widget.screenshot("16-consent");
    await consent.locator('[data-xs="consent-agree"]').click();

    const formReply = await widget.nthAssistant(1);
    const form = formReply.locator('[data-xs="form"]');
    await form.waitFor();
    await expect(form.locator('input[name="fullName"]').inputValue()).resolves.toBe("李明");
    await expect(form.locator('input[name="idNumber"]').inputValue()).resolves.toMatch(/\*{4,}/);
    await expect(form.textContent()).resolves.toContain("来自您的档案");
    await form.locator('input[name="basis"]').fill("合法稳定就业");
    await widget.screenshot("17-form-review");
    const draftId = (await form.getAttribute("data-draft")) ?? "";
    expect((await harness.app.drafts.get(draftId, CITIZEN)).status).toBe("draft");

    await form.locator('[data-xs="form-confirm"]').click();
    const status = widget.root.locator('[data-xs="form-status"]');
    await status.waitFor();
    await expect(status.getAttribute("data-status")).resolves.toBe("confirmed");
    await widget.screenshot("18-form-confirmed");
    const draft = await harness.app.drafts.get(draftId, CITIZEN);
    expect(draft.status).toBe("confirmed");
    expect(draft.fields.find((field) => field.name === "basis")?.value).toBe("合法稳定就业");
  });
});
