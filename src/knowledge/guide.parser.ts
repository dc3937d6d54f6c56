import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { KnowledgeError } from "./errors.ts";
import { frontMatterSchema } from "./guide.schema.ts";
import { describeMaterial, type FaqItem, type Guide, type GuideSection } from "./guide.ts";
import { SECTION_KEYS, type SectionKey } from "./vocabulary.ts";

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const SECTION_HEADING = /^##\s+(.+?)\s*\{#([a-z-]+)\}\s*$/;
const FAQ_HEADING = /^###\s+(.+?)\s*$/;

export function formatZodPath(path: PropertyKey[]): string {
  return path
    .map((part) => (typeof part === "number" ? `[${part}]` : String(part)))
    .join(".")
    .replace(/\.\[/g, "[");
}

export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue ? formatZodPath(issue.path) : "", message: issue?.message ?? "invalid" };
}

/** Parses one guide file (Markdown + YAML front matter); throws KnowledgeError naming file and field. */
export function parseGuide(file: string, source: string): Guide {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new KnowledgeError(file, "", "missing YAML front matter between --- lines");
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? "");
  } catch (error) {
    throw new KnowledgeError(file, "front matter", (error as Error).message.split("\n")[0] ?? "bad YAML");
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new KnowledgeError(file, field, message);
  }
  const guide: Guide = { ...parsed.data, file, sections: {} };
  for (const section of splitSections(file, match[2] ?? "")) {
    if (guide.sections[section.key]) throw new KnowledgeError(file, `sections.${section.key}`, "section appears twice");
    guide.sections[section.key] = section;
  }
  addMaterialsText(guide);
  return guide;
}

function splitSections(file: string, body: string): GuideSection[] {
  const sections: GuideSection[] = [];
  let current: { key: SectionKey; heading: string; lines: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const markdown = current.lines.join("\n").trim();
    const faq = current.key === "faq" ? parseFaq(markdown) : [];
    sections.push({ key: current.key, heading: current.heading, body: markdown, text: toPlainText(markdown), faq });
  };
  for (const line of body.split(/\r?\n/)) {
    const heading = SECTION_HEADING.exec(line);
    if (heading) {
      flush();
      const key = heading[2] as SectionKey;
      if (!SECTION_KEYS.includes(key)) {
        throw new KnowledgeError(file, `sections.${key}`, `unknown section key; use one of ${SECTION_KEYS.join(", ")}`);
      }
      current = { key, heading: heading[1] ?? key, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim()) {
      throw new KnowledgeError(file, "body", "text before the first '## 标题 {#key}' section heading");
    }
  }
  flush();
  return sections;
}

function parseFaq(markdown: string): FaqItem[] {
  const items: FaqItem[] = [];
  let question: string | undefined;
  let answer: string[] = [];
  const flush = () => {
    if (question) items.push({ question, answer: toPlainText(answer.join("\n").trim()) });
  };
  for (const line of markdown.split("\n")) {
    const heading = FAQ_HEADING.exec(line);
    if (heading) {
      flush();
      question = heading[1];
      answer = [];
    } else {
      answer.push(line);
    }
  }
  flush();
  return items;
}

/** Strips Markdown syntax that neither retrieval nor a chat bubble should see. */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
    .replace(/^\s*[-*]\s+/gm, "· ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The materials section's text lists the structured materials, then any notes written under it. */
function addMaterialsText(guide: Guide): void {
  if (guide.materials.length === 0) return;
  const list = guide.materials.map((material, index) => `${index + 1}. ${describeMaterial(material)}`).join("\n");
  const section = guide.sections.materials;
  if (section) {
    section.text = section.text ? `${list}\n${section.text}` : list;
  } else {
    guide.sections.materials = { key: "materials", heading: "申请材料", body: "", text: list, faq: [] };
  }
}
