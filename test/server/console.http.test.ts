import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsoleServer } from "../tickets/console-fixture.ts";

let harness: Awaited<ReturnType<typeof startConsoleServer>>;

beforeAll(async () => {
  harness = await startConsoleServer();
});
afterAll(() => harness.close());

describe("the console page", () => {
  it("serves /console/ as an uncached Chinese page under a strict CSP that may not be framed", async () => {
    const response = await fetch(`${harness.server.url}/console/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('data-console="sign-in"');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it("serves its scripts and the socket.io client", async () => {
    for (const path of ["/console/console.js", "/console/event-check.js", "/socket.io/socket.io.min.js"]) {
      expect((await fetch(`${harness.server.url}${path}`)).status, path).toBe(200);
    }
  });

  it("publishes the JSON Schema of the events it receives, generated from the server's zod schemas", async () => {
    const schema = await (await fetch(`${harness.server.url}/console/agent-events.schema.json`)).json();
    expect(Object.keys(schema.events).sort()).toEqual([
      "queue:snapshot",
      "ticket:message",
      "ticket:upsert",
      "xs:error",
    ]);
    const ticket = schema.events["ticket:upsert"].properties.ticket;
    expect(ticket.required).toEqual(expect.arrayContaining(["id", "category", "urgency", "status"]));
    expect(ticket.properties.category.enum).toEqual(["咨询", "求助", "投诉", "举报", "建议", "表扬"]);
    expect(schema.acks["ticket:open"].properties.ticket.required).toContain("messages");
  });
});
