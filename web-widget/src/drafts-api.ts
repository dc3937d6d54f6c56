import type { FormDraft } from "./types.ts";

/**
 * Saves the citizen's edits to a pre-filled draft and confirms it (drafts API under /api/drafts/:id).
 * Only changed fields are sent; confirming never submits — submission is a separate step.
 */
export async function confirmDraft(
  origin: string,
  draft: FormDraft,
  values: Record<string, string>,
): Promise<FormDraft> {
  const base = `${origin}/api/drafts/${encodeURIComponent(draft.draftId)}`;
  const changed = Object.fromEntries(
    draft.fields
      .filter((field) => (field.value ?? "") !== (values[field.name] ?? ""))
      .map((field) => [field.name, values[field.name] ?? ""]),
  );
  if (Object.keys(changed).length) await request(base, "PATCH", { fields: changed });
  return (await request(`${base}/confirm`, "POST", {})) as FormDraft;
}

async function request(url: string, method: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as { form?: FormDraft; draft?: FormDraft; error?: { message: string } };
  if (!response.ok) throw new Error(parsed.error?.message ?? `HTTP ${response.status}`);
  return parsed.form ?? parsed.draft ?? parsed;
}
