import { randomUUID } from "node:crypto";
import type { EventBus } from "../events/event-bus.ts";
import { maskDeep, maskText } from "../privacy/index.ts";
import { type ConversationStore, newSessionState, type SessionState } from "./conversation.ts";
import type { DialogueManager } from "./dialogue.ts";
import { type Reply, reply } from "./reply.ts";
import { fill, type ReplyTemplates } from "./templates.ts";

const HISTORY_MESSAGES = 6;

export interface ChatInput {
  sessionId?: string;
  message: string;
  /** Set by the server from the authenticated session, never from chat text. */
  citizenId?: string;
  /** Client-side id of the message: a resend with the same id gets the same reply, once. */
  clientMessageId?: string;
}

export interface ChatResult {
  sessionId: string;
  reply: Reply;
  /** True when this exact message was already answered (a retry). */
  duplicate: boolean;
}

/** The citizen-facing entry point: keeps sessions and transcripts, delegates each turn to the dialogue. */
export class AssistantService {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly dialogue: DialogueManager,
    private readonly events: EventBus,
    private readonly templates: ReplyTemplates,
  ) {}

  async chat(input: ChatInput, options: { onToken?: (token: string) => void } = {}): Promise<ChatResult> {
    const sessionId = input.sessionId ?? randomUUID();
    const state = (await this.conversations.loadSession(sessionId)) ?? newSessionState(sessionId, input.citizenId);
    if (input.citizenId) state.citizenId = input.citizenId;

    const stored = await this.conversations.appendMessage({
      sessionId,
      role: "user",
      text: maskText(input.message),
      clientMessageId: input.clientMessageId,
    });
    if (stored.duplicate) {
      const previous = await this.replyTo(sessionId, stored.message.seq);
      if (previous) return { sessionId, reply: previous, duplicate: true };
    } else {
      this.events.publish({ type: "message.appended", message: stored.message });
    }

    state.turnCount += 1;
    let answer: Reply;
    if (state.agentTakeover) {
      // A person has the conversation: the assistant stays silent and only acknowledges.
      const { ticketId } = state.agentTakeover;
      answer = reply("escalate", fill(this.templates.takeover[state.lang], { ticketId }), {
        ticketId,
        handoff: { ticketId },
        lang: state.lang,
      });
    } else {
      const history = await this.recentHistory(sessionId, stored.message.seq);
      answer = await this.dialogue.respond(
        state,
        input.message,
        state.citizenId,
        `${sessionId}:${stored.message.seq}`,
        {
          history,
          onToken: options.onToken,
        },
      );
    }
    // An agent may have taken over (or handed back) while this turn ran: their flag wins.
    const latest = await this.conversations.loadSession(sessionId);
    if (latest) state.agentTakeover = latest.agentTakeover;
    await this.conversations.saveSession(state);
    const saved = await this.conversations.appendMessage({
      sessionId,
      role: "assistant",
      text: maskText(answer.text),
      payload: maskDeep({ ...answer, inReplyTo: stored.message.seq }),
    });
    this.events.publish({ type: "message.appended", message: saved.message });
    return { sessionId, reply: answer, duplicate: false };
  }

  async transcript(sessionId: string, afterSeq = 0) {
    return this.conversations.listMessages(sessionId, afterSeq);
  }

  async session(sessionId: string): Promise<SessionState | undefined> {
    return this.conversations.loadSession(sessionId);
  }

  /** The last few turns before this message, for the LLM's context. */
  private async recentHistory(sessionId: string, beforeSeq: number) {
    const messages = await this.conversations.listMessages(sessionId, Math.max(0, beforeSeq - HISTORY_MESSAGES - 1));
    return messages
      .filter((message) => message.seq < beforeSeq && (message.role === "user" || message.role === "assistant"))
      .slice(-HISTORY_MESSAGES)
      .map((message) => ({ role: message.role as "user" | "assistant", text: message.text }));
  }

  private async replyTo(sessionId: string, seq: number): Promise<Reply | undefined> {
    const later = await this.conversations.listMessages(sessionId, seq);
    const answer = later.find(
      (message) => message.role === "assistant" && (message.payload as { inReplyTo?: number })?.inReplyTo === seq,
    );
    if (!answer) return undefined;
    const { inReplyTo: _seq, ...rest } = answer.payload as Reply & { inReplyTo: number };
    return rest;
  }
}
