/** A fact's value as rules see it: booleans, numbers (in the fact's unit), enum option values, ISO dates. */
export type FactValue = boolean | number | string;

/** Where a fact came from: said in the conversation, read from the consented profile, or a direct answer. */
export type FactSource = "conversation" | "profile" | "citizen";

export interface KnownFact {
  value: FactValue;
  source: FactSource;
}

export type KnownFacts = Record<string, KnownFact>;

/** Accepts bare values (then attributed to `source`) or facts that already carry their source. */
export function toKnownFacts(facts: Record<string, FactValue | KnownFact>, source: FactSource): KnownFacts {
  const known: KnownFacts = {};
  for (const [name, fact] of Object.entries(facts)) {
    known[name] = typeof fact === "object" && fact !== null ? fact : { value: fact, source };
  }
  return known;
}

export function factValues(facts: KnownFacts): Record<string, FactValue> {
  return Object.fromEntries(Object.entries(facts).map(([name, fact]) => [name, fact.value]));
}
