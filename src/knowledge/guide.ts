import type { GuideFrontMatter, Material } from "./guide.schema.ts";
import { SECTION_TITLES, type SectionKey } from "./vocabulary.ts";

export interface FaqItem {
  question: string;
  answer: string;
}

export interface GuideSection {
  key: SectionKey;
  /** The heading as written in the guide. */
  heading: string;
  /** Markdown body of the section, without its heading. */
  body: string;
  /** Plain text of the section as retrieval and answers see it. */
  text: string;
  faq: FaqItem[];
}

export interface Guide extends GuideFrontMatter {
  file: string;
  sections: Partial<Record<SectionKey, GuideSection>>;
}

const MATERIAL_FORM_LABELS: Record<Material["form"], string> = {
  original: "原件",
  copy: "复印件",
  "original-and-copy": "原件及复印件",
  electronic: "电子材料",
};

/** One line per material, in the words an answer may quote. */
export function describeMaterial(material: Material): string {
  const parts = [`${MATERIAL_FORM_LABELS[material.form]}${material.count}份`];
  if (material.when) parts.push(material.when);
  if (material.exempt) parts.push("两个免于提交：可调用电子证照，免于提交");
  if (material.note) parts.push(material.note);
  return `${material.name}（${parts.join("；")}）`;
}

export function sectionTitle(guide: Guide, key: SectionKey, lang: "zh" | "en" = "zh"): string {
  return lang === "zh"
    ? `${guide.title.zh} · ${SECTION_TITLES[key].zh}`
    : `${guide.title.en} · ${SECTION_TITLES[key].en}`;
}

export function getSection(guide: Guide, key: SectionKey): GuideSection | undefined {
  return guide.sections[key];
}
