import type { FactCatalogue, FactDefinition } from "./fact.schema.ts";
import type { Guide } from "./guide.ts";

/** The validated, in-memory knowledge base: guides by id plus the fact catalogue. */
export class KnowledgeBase {
  private readonly byId: Map<string, Guide>;

  constructor(
    readonly guides: readonly Guide[],
    readonly facts: FactCatalogue,
    /** Hash of every knowledge file's content; an index built from other content is stale. */
    readonly contentHash: string,
  ) {
    this.byId = new Map(guides.map((guide) => [guide.id, guide]));
  }

  get(id: string): Guide | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  fact(name: string): FactDefinition | undefined {
    return this.facts[name];
  }
}
