import { UnknownMatterError } from "../eligibility/index.ts";
import { type MaterialsPrecheck, precheckMaterials } from "../forms/index.ts";
import type { FactCatalogue, Guide, KnowledgeBase } from "../knowledge/index.ts";

export interface MatterSummary {
  id: string;
  title: { zh: string; en: string };
  group: Guide["group"];
  department: { zh: string; en: string };
  summary: { zh: string; en: string };
  hasEligibility: boolean;
  hasForm: boolean;
}

export interface MatterDetail extends MatterSummary {
  related: string[];
  bundle: string[];
  materials: Guide["materials"];
  eligibility?: {
    rules: Array<{ id: string; section: string; clause: string; message: { zh: string; en: string } }>;
    facts: Array<{
      name: string;
      type: string;
      unit?: string;
      label: { zh: string; en: string };
      ask: { zh: string; en: string };
      options?: string[];
    }>;
  };
  sections: string[];
  lastVerified: string;
}

/** Read access to the matters (guides) for the matter API. */
export class MatterService {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly factsOf: (matterId: string) => string[],
  ) {}

  list(group?: Guide["group"]): MatterSummary[] {
    return this.knowledge.guides.filter((guide) => !group || guide.group === group).map(summarise);
  }

  get(matterId: string): MatterDetail {
    const guide = this.guide(matterId);
    const detail: MatterDetail = {
      ...summarise(guide),
      related: guide.related,
      bundle: guide.bundle,
      materials: guide.materials,
      sections: Object.keys(guide.sections),
      lastVerified: guide.lastVerified,
    };
    if (guide.eligibility) {
      detail.eligibility = {
        rules: guide.eligibility.rules.map(({ id, section, clause, message }) => ({ id, section, clause, message })),
        facts: this.factsOf(matterId).map((name) => describeFact(name, this.knowledge.facts)),
      };
    }
    return detail;
  }

  materials(matterId: string, provided: readonly string[] = []): MaterialsPrecheck {
    return precheckMaterials(this.guide(matterId), provided);
  }

  private guide(matterId: string): Guide {
    const guide = this.knowledge.get(matterId);
    if (!guide) throw new UnknownMatterError(matterId);
    return guide;
  }
}

function summarise(guide: Guide): MatterSummary {
  return {
    id: guide.id,
    title: guide.title,
    group: guide.group,
    department: guide.department,
    summary: guide.summary,
    hasEligibility: Boolean(guide.eligibility),
    hasForm: Boolean(guide.form),
  };
}

function describeFact(name: string, catalogue: FactCatalogue) {
  const fact = catalogue[name];
  if (!fact) return { name, type: "unknown", label: { zh: name, en: name }, ask: { zh: name, en: name } };
  return {
    name,
    type: fact.type,
    ...(fact.unit ? { unit: fact.unit } : {}),
    label: fact.label,
    ask: fact.ask,
    ...(fact.options ? { options: fact.options.map((option) => option.value) } : {}),
  };
}
