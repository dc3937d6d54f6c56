import type { FactCatalogue } from "../knowledge/index.ts";
import { InvalidFactError } from "./errors.ts";
import type { FactValue } from "./fact.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a value against its catalogue definition; throws InvalidFactError naming the fact. */
export function validateFactValue(catalogue: FactCatalogue, name: string, value: unknown): FactValue {
  const definition = catalogue[name];
  if (!definition) throw new InvalidFactError(name, "unknown fact");
  switch (definition.type) {
    case "boolean":
      if (typeof value !== "boolean") throw new InvalidFactError(name, "must be true or false");
      return value;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        throw new InvalidFactError(
          name,
          `must be a non-negative number${definition.unit ? ` (${definition.unit})` : ""}`,
        );
      return value;
    case "enum": {
      const allowed = definition.options?.map((option) => option.value) ?? [];
      if (typeof value !== "string" || !allowed.includes(value))
        throw new InvalidFactError(name, `must be one of ${allowed.join(", ")}`);
      return value;
    }
    case "date":
      if (typeof value !== "string" || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))
        throw new InvalidFactError(name, "must be a date YYYY-MM-DD");
      return value;
  }
}
