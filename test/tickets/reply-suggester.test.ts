import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ticket } from "../../src/tickets/index.ts";
import { createTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;

beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

describe("ReplySuggester", () => {
  it("offers the top guide sections for an agent's query, each with its citation", () => {
    const { sections } = app.suggester.suggest("居住证要带什么材料");
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.length).toBeLessThanOrEqual(3);
    expect(sections[0]?.citation).toMatchObject({ matterId: "residence-permit", url: expect.stringContaining("#") });
    expect(new Set(sections.map((section) => section.chunkId)).size).toBe(sections.length);
  });

  it("drafts a reply that only quotes the suggested sections, numbered like its citations", () => {
    const { sections, draft, citations } = app.suggester.suggest("新生儿落户需要什么材料");
    expect(citations.length).toBeGreaterThan(0);
    citations.forEach((citation, index) => {
      expect(draft).toContain(`【${citation.title}】[${index + 1}]`);
      expect(draft).toContain(sections[index]?.excerpt.replace(/……$/, "") ?? "missing");
    });
    for (const section of sections) {
      const chunk = app.retriever.chunksOf(section.citation.matterId).find((known) => known.id === section.chunkId);
      expect(chunk?.text.startsWith(section.excerpt.replace(/……$/, ""))).toBe(true);
    }
  });

  it("puts the ticket's own matter first and reads the question from the citizen's lines", () => {
    const ticket = {
      matterId: "residence-permit",
      summary: "",
      transcript: [
        { role: "user", text: "办理要多久", at: "" },
        { role: "assistant", text: "公积金提取", at: "" },
      ],
    } as unknown as Ticket;
    const suggestions = app.suggester.forTicket(ticket);
    expect(suggestions.query).toBe("办理要多久");
    expect(suggestions.sections[0]?.citation.matterId).toBe("residence-permit");
  });

  it("drafts a plain acknowledgement when no guide matches", () => {
    const nothing = app.suggester.suggest("？？？");
    expect(nothing.sections).toEqual([]);
    expect(nothing.citations).toEqual([]);
    expect(nothing.draft).toContain("12345市民服务热线");
  });
});
