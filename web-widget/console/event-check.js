// A tiny checker for the JSON Schema the server generates from its zod schemas
// (src/server/realtime/agent.schema.ts): the console refuses any event or answer that does not fit.

const typeOf = (value) => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
};

const fitsType = (expected, value) => {
  const actual = typeOf(value);
  return actual === expected || (expected === "number" && actual === "integer");
};

/** The first problem of `value` against `schema` as "path: problem", or null when it fits. */
export function check(schema, value, path = "payload") {
  if (!schema || typeof schema !== "object") return null;
  if (schema.anyOf) {
    return schema.anyOf.some((option) => check(option, value, path) === null) ? null : `${path}: matches no option`;
  }
  if ("const" in schema && value !== schema.const) return `${path}: must be ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.includes(value)) return `${path}: must be one of ${schema.enum.join(", ")}`;
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => fitsType(type, value))) return `${path}: must be ${types.join(" or ")}`;
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return `${path}: too small`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${path}: too large`;
  }
  if (Array.isArray(value) && schema.items) {
    for (let index = 0; index < value.length; index += 1) {
      const problem = check(schema.items, value[index], `${path}.${index}`);
      if (problem) return problem;
    }
  }
  if (typeOf(value) === "object") {
    for (const key of schema.required ?? []) if (!(key in value)) return `${path}.${key}: is required`;
    const properties = schema.properties ?? {};
    for (const [key, item] of Object.entries(value)) {
      if (properties[key]) {
        const problem = check(properties[key], item, `${path}.${key}`);
        if (problem) return problem;
      } else if (schema.additionalProperties === false) {
        return `${path}.${key}: is not expected`;
      }
    }
  }
  return null;
}
