import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase, REQUIRED_PLATFORM_SECTIONS, SECTION_KEYS } from "../../src/knowledge/index.ts";

const ROOT = join(import.meta.dirname, "../..");
const catalogue = JSON.parse(readFileSync(join(ROOT, "test/fixtures/matter-catalogue.json"), "utf8")) as Array<{
  id: string;
  group: string;
  zh: string;
  en: string;
}>;
const knowledge = loadKnowledgeBase(join(ROOT, "knowledge"));
const hanCount = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;

describe("the knowledge base", () => {
  it("uses the same catalogue as ../shared (the contract's source of ids)", () => {
    const shared = join(ROOT, "../shared/matter-catalogue.json");
    if (existsSync(shared)) expect(JSON.parse(readFileSync(shared, "utf8"))).toEqual(catalogue);
  });

  it("has exactly one guide per catalogue id, in the catalogue's group", () => {
    for (const entry of catalogue) {
      const guide = knowledge.get(entry.id);
      expect(guide, entry.id).toBeDefined();
      expect(guide?.group, entry.id).toBe(entry.group);
    }
    expect(catalogue).toHaveLength(72);
  });

  it("gives every guide a source URL with a date and a lastVerified date", () => {
    for (const guide of knowledge.guides) {
      expect(guide.sources.length, guide.id).toBeGreaterThan(0);
      for (const source of guide.sources) {
        expect(source.url, guide.id).toMatch(/^https?:\/\//);
        expect(source.retrieved, guide.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(guide.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("leaves no required section empty and keeps guides substantial", () => {
    for (const guide of knowledge.guides) {
      const required = guide.group === "platform" ? REQUIRED_PLATFORM_SECTIONS : SECTION_KEYS;
      for (const key of required) expect(guide.sections[key]?.text.trim(), `${guide.id}#${key}`).toBeTruthy();
      const text = Object.values(guide.sections)
        .map((section) => section?.text ?? "")
        .join("");
      expect(hanCount(text), guide.id).toBeGreaterThanOrEqual(guide.group === "platform" ? 300 : 600);
      expect(guide.aliases.length, guide.id).toBeGreaterThanOrEqual(10);
      expect(guide.sections.faq?.faq.length ?? 0, guide.id).toBeGreaterThanOrEqual(5);
    }
  });

  it("has eligibility rules and a form for the ten pre-fill matters", () => {
    const prefill = [
      "residence-permit",
      "residence-points",
      "housing-fund-withdrawal",
      "newborn-one-thing",
      "social-security-card",
      "unemployment-benefit",
      "marriage-registration",
      "senior-card",
      "business-start-one-thing",
      "dog-registration",
    ];
    for (const id of prefill) {
      expect(knowledge.get(id)?.form?.fields.length ?? 0, id).toBeGreaterThan(0);
      expect(knowledge.get(id)?.eligibility?.rules.length ?? 0, id).toBeGreaterThan(0);
    }
  });

  it("links the newborn bundle to its member matters", () => {
    expect(knowledge.get("newborn-one-thing")?.bundle).toEqual(
      expect.arrayContaining([
        "birth-medical-certificate",
        "newborn-hukou",
        "vaccination-certificate",
        "social-security-card",
      ]),
    );
    expect(knowledge.get("residence-permit")?.related).toEqual(expect.arrayContaining(["residence-points"]));
  });
});
