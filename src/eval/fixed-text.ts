import type { ReplyTemplates } from "../assistant/templates.ts";

const PLACEHOLDER = /\{\w+\}/;
const MIN_FRAGMENT_CHARS = 4;

/**
 * The fixed wording of reply templates (not-found hints, identity lead), split at placeholders:
 * service boilerplate rather than claims about a matter, so faithfulness skips it.
 */
export function templateFragments(templates: ReplyTemplates): string[] {
  const fragments: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === "string") {
      for (const line of value.split("\n"))
        for (const part of line.split(PLACEHOLDER))
          if (part.trim().length >= MIN_FRAGMENT_CHARS) fragments.push(part.trim());
    } else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(templates);
  return fragments.sort((left, right) => right.length - left.length);
}
