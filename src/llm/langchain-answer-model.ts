import type { StructuredToolInterface } from "@langchain/core/tools";
import type { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";
import type { AgentToolbox, AnswerModel, ModelAnswer, ModelAnswerRequest } from "../assistant/answer-model.ts";
import type { PromptSet } from "../assistant/prompts.ts";
import { fill } from "../assistant/templates.ts";
import { SECTION_KEYS } from "../knowledge/index.ts";

export interface LangChainModelConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

const MAX_AGENT_STEPS = 8;

/** LLM mode: a LangChain v1 agent over an OpenAI-compatible endpoint, tools bound to one turn. */
export class LangChainAnswerModel implements AnswerModel {
  readonly id: string;
  private chat: Promise<ChatOpenAI> | undefined;

  constructor(
    private readonly config: LangChainModelConfig,
    private readonly prompts: PromptSet,
  ) {
    this.id = `${config.model}@prompts-${prompts.version}`;
  }

  /** LangChain is loaded on first use, so an offline process never pays for it (~85 MB). */
  private async connect(): Promise<ChatOpenAI> {
    const { config } = this;
    const { ChatOpenAI } = await import("@langchain/openai");
    // No `streaming: true`: agent.stream streams anyway, and that flag makes the client fetch
    // tokenizer files from the internet.
    return new ChatOpenAI({
      model: config.model,
      apiKey: config.apiKey,
      configuration: { baseURL: config.baseUrl },
      maxRetries: 0,
      timeout: config.timeoutMs,
      temperature: 0.2,
    });
  }

  async answer(
    request: ModelAnswerRequest,
    options: { signal: AbortSignal; onToken?: (token: string) => void },
  ): Promise<ModelAnswer> {
    const ticket: { id?: string } = {};
    this.chat ??= this.connect();
    const { AIMessageChunk, createAgent, tool } = await import("langchain");
    const agent = createAgent({
      model: await this.chat,
      tools: buildTools(tool, request.toolbox, ticket),
      systemPrompt: this.prompts.system,
    });
    const input = fill(this.prompts.answerStyle, {
      sections: request.sections.map((section) => `[[${section.key}]] ${section.title}\n${section.text}`).join("\n\n"),
      history:
        request.history.map((line) => `${line.role === "user" ? "市民" : "小申"}：${line.text}`).join("\n") || "（无）",
      question: request.question,
    });
    const stream = await agent.stream(
      { messages: [{ role: "user", content: input }] },
      { streamMode: "messages", signal: options.signal, recursionLimit: MAX_AGENT_STEPS * 2 },
    );
    let text = "";
    for await (const [message] of stream) {
      if (!AIMessageChunk.isInstance(message)) {
        text = ""; // a tool result: what came before was the model thinking aloud, not the answer
        continue;
      }
      if (message.tool_call_chunks?.length) continue;
      const token = typeof message.content === "string" ? message.content : "";
      if (!token) continue;
      text += token;
      options.onToken?.(token);
    }
    return { text, ticketId: ticket.id };
  }
}

type ToolFactory = typeof import("langchain")["tool"];

function buildTools(tool: ToolFactory, toolbox: AgentToolbox, ticket: { id?: string }): StructuredToolInterface[] {
  const sectionKey = z.enum(SECTION_KEYS);
  const tools: StructuredToolInterface[] = [
    tool(async ({ query }) => JSON.stringify(toolbox.searchGuides(query)), {
      name: "search_guides",
      description: "Search the Shanghai service guides. Returns sections with keys matterId#section to cite.",
      schema: z.object({ query: z.string().min(1).max(200).describe("what the citizen wants, in Chinese") }),
    }),
    tool(
      async ({ matterId, section }) =>
        JSON.stringify(toolbox.getSection(matterId, section) ?? { error: "no such section" }),
      {
        name: "get_guide_section",
        description: "Read one section of one guide by matter id and section key.",
        schema: z.object({ matterId: z.string().regex(/^[a-z0-9-]+$/), section: sectionKey }),
      },
    ),
  ];
  const { checkEligibility, prefillForm, createTicket } = toolbox;
  if (checkEligibility) {
    tools.push(
      tool(async ({ matterId, facts }) => JSON.stringify(checkEligibility(matterId, facts)), {
        name: "check_eligibility",
        description:
          "Pre-judge eligibility for a matter from facts the citizen stated. A pre-judgement, not a decision.",
        schema: z.object({
          matterId: z.string().regex(/^[a-z0-9-]+$/),
          facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
        }),
      }),
    );
  }
  if (prefillForm) {
    tools.push(
      tool(async ({ matterId }) => JSON.stringify(await prefillForm(matterId)), {
        name: "prefill_form",
        description: "Pre-fill the application form for the signed-in citizen themself (never for anyone else).",
        schema: z.object({ matterId: z.string().regex(/^[a-z0-9-]+$/) }),
      }),
    );
  }
  if (createTicket) {
    tools.push(
      tool(
        async ({ category, summary }) => {
          ticket.id = await createTicket(category, summary);
          return JSON.stringify({ ticketId: ticket.id });
        },
        {
          name: "create_ticket",
          description:
            "Hand the conversation to a 12345 hotline agent (complaint, report, dispute, request for a person).",
          schema: z.object({
            category: z.enum(["咨询", "求助", "投诉", "举报", "建议", "表扬"]),
            summary: z.string().min(1).max(500),
          }),
        },
      ),
    );
  }
  return tools;
}
