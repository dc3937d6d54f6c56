import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWidgetBuilt } from "../../src/server/routes/widget.route.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { serveTestApp, tempDir } from "../helpers/test-app.ts";

let server: RunningServer;
const HOST_ORIGIN = "http://district.example.gov.cn";

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ server, stop } = await serveTestApp());
});
afterAll(() => stop());

describe("widget files", () => {
  it("serves embed.js as JavaScript that pages of other origins may load", async () => {
    const response = await fetch(`${server.url}/widget/embed.js`, { headers: { origin: HOST_ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(await response.text()).toContain("data-xs");
  });

  it("serves a demo page at /widget/ that embeds the widget with the one tag", async () => {
    const response = await fetch(`${server.url}/widget/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<script src="/widget/embed.js" defer></script>');
  });

  it("serves the eligibility facts' types and units for the quick answers", async () => {
    const facts = await (await fetch(`${server.url}/widget/facts.json`)).json();
    expect(facts.hukouShanghai).toMatchObject({ type: "boolean" });
    expect(facts.residenceRegistrationMonths).toMatchObject({ type: "number", unit: "months" });
    expect(facts.hukouShanghai.cues).toBeUndefined();
  });

  it("answers the preflight of POST /api/chat from another origin", async () => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: "OPTIONS",
      headers: {
        origin: HOST_ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/content-type/);
  });

  it("sends no CORS headers on the agents' endpoints", async () => {
    const response = await fetch(`${server.url}/api/tickets`, { headers: { origin: HOST_ORIGIN } });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("builds the bundle on first need when dist is missing", async () => {
    const dist = tempDir("xiaoshen-widget-");
    try {
      await ensureWidgetBuilt(dist.path);
      expect(existsSync(`${dist.path}/embed.js`)).toBe(true);
      expect(existsSync(`${dist.path}/index.html`)).toBe(true);
    } finally {
      dist.remove();
    }
  });
});
