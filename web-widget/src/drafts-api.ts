import type { ChatClient } from "./chat-client.ts";
import type { FormDraft } from "./types.ts";

/**
 * Saves the citizen's edits to a pre-filled draft, then confirms it — over the socket when it is
 * connected, else over HTTP (/api/drafts/:id). Only changed fields are sent (masked values never go
 * back); confirming never submits: submission is a separate step.
 */
export async function confirmDraft(
  client: ChatClient,
  origin: string,
  draft: FormDraft,
  values: Record<string, string>,
): Promise<FormDraft> {
  const fields = Object.fromEntries(
    draft.fields
      .filter((field) => (field.value ?? "") !== (values[field.name] ?? ""))
      .map((field) => [field.name, values[field.name] ?? ""]),
  );
  const changed = Object.keys(fields).length > 0;
  const draftId = draft.draftId;
  if (changed) await client.request("draft:update", { draftId, fields });
  const confirmed = await client.request<{ form: FormDraft }>("draft:confirm", { draftId });
  if (confirmed) return confirmed.form;

  const base = `${origin}/api/drafts/${encodeURIComponent(draftId)}`;
  if (changed) await http(client, base, "PATCH", { fields });
  return ((await http(client, `${base}/confirm`, "POST", {})) as { form: FormDraft }).form;
}

async function http(client: ChatClient, url: string, method: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method, headers: client.headers(), body: JSON.stringify(body) });
  const parsed = (await response.json()) as { error?: { message: string } };
  if (!response.ok) throw new Error(parsed.error?.message ?? `HTTP ${response.status}`);
  return parsed;
}
