import { maskText } from "../privacy/index.ts";
import type { TicketService } from "../tickets/ticket.service.ts";
import type { TranscriptLine } from "../tickets/ticket.ts";
import type { ConversationStore } from "./conversation.ts";
import type { Escalation, Escalator } from "./dialogue.ts";
import type { Reply } from "./reply.ts";

const TRANSCRIPT_LINES = 30;

/**
 * Escalation hands the 12345 agent the evidence: masked transcript, cited guides, any eligibility
 * trace and draft form, so the citizen never has to repeat themselves.
 */
export function createEscalator(
  conversations: ConversationStore,
  tickets: TicketService,
  matterTitle: (matterId: string) => string | undefined = () => undefined,
): Escalator {
  return async ({ intent, turn, matterId }: Escalation): Promise<string> => {
    const messages = await conversations.listMessages(turn.state.sessionId);
    const transcript: TranscriptLine[] = messages
      .slice(-TRANSCRIPT_LINES)
      .map((message) => ({ role: message.role, text: message.text, at: message.createdAt }));
    const citations = messages.flatMap((message) => (message.payload as Partial<Reply> | undefined)?.citations ?? []);
    const flows = turn.state.flows as {
      eligibility?: { summary?: Reply["eligibility"] };
      form?: { summary?: Reply["form"] };
    };
    const category = intent.category ?? "咨询";
    const { ticket } = await tickets.escalate({
      sessionId: turn.state.sessionId,
      category,
      urgency: intent.urgency ?? "normal",
      reason: intent.name,
      matterId,
      summary: summarise(category, turn.message, matterId && (matterTitle(matterId) ?? matterId)),
      transcript,
      citations: dedupeCitations(citations),
      eligibility: flows.eligibility?.summary,
      form: flows.form?.summary,
      dedupeBasis: turn.messageKey,
    });
    return ticket.id;
  };
}

function summarise(category: string, message: string, matter: string | undefined): string {
  const about = matter ? `（涉及事项：${matter}）` : "";
  return maskText(`市民通过小申提出${category}诉求${about}：${message.slice(0, 200)}`);
}

function dedupeCitations<T extends { matterId: string; section: string }>(citations: T[]): T[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = `${citation.matterId}#${citation.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
