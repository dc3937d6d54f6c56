// Validates knowledge/ and prints a per-guide summary: `npx tsx scripts/check-knowledge.ts [--partial] [id...]`.
import { loadKnowledgeBase } from "../src/knowledge/index.ts";

// --partial: allow related/bundle links to guides not written yet.
const partial = process.argv.includes("--partial");
const ids = new Set(process.argv.slice(2).filter((arg) => !arg.startsWith("--")));
try {
  const knowledge = loadKnowledgeBase("knowledge", { allowDanglingLinks: partial });
  for (const guide of knowledge.guides) {
    if (ids.size && !ids.has(guide.id)) continue;
    const text = Object.values(guide.sections)
      .map((section) => section?.text ?? "")
      .join("");
    const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
    const faq = guide.sections.faq?.faq.length ?? 0;
    console.log(
      `${guide.id.padEnd(34)} han=${String(han).padStart(5)} faq=${faq} aliases=${guide.aliases.length} materials=${guide.materials.length} rules=${guide.eligibility?.rules.length ?? 0} form=${guide.form?.fields.length ?? 0}`,
    );
  }
  console.log(
    `OK: ${knowledge.guides.length} guides, ${Object.keys(knowledge.facts).length} facts, hash ${knowledge.contentHash}`,
  );
} catch (error) {
  console.error(String((error as Error).message));
  process.exit(1);
}
