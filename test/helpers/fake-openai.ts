import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake endpoint answers to one chat-completions request. */
export interface FakeCompletion {
  content?: string;
  toolCalls?: Array<{ name: string; arguments: Record<string, unknown> }>;
  status?: number;
  delayMs?: number;
  /** Send a body that is not the OpenAI format at all. */
  garbage?: boolean;
}

export interface ChatRequestBody {
  model: string;
  stream?: boolean;
  messages: Array<{ role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }>;
  tools?: Array<{ type: string; function: { name: string } }>;
}

export type FakeHandler = (body: ChatRequestBody, callIndex: number) => FakeCompletion;

/**
 * A loopback server speaking the OpenAI chat-completions wire protocol (JSON and SSE streaming,
 * tool calls) so LLM mode is tested through the real client stack, not a mocked class.
 */
export async function startFakeOpenAI(handler: FakeHandler): Promise<{
  baseUrl: string;
  requests: ChatRequestBody[];
  close(): Promise<void>;
}> {
  const requests: ChatRequestBody[] = [];
  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });
  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (!request.url?.endsWith("/chat/completions")) {
      response
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequestBody;
    requests.push(body);
    const plan = handler(body, requests.length - 1);
    if (plan.delayMs) await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
    if (response.destroyed) return;
    if (plan.status && plan.status >= 400) {
      response
        .writeHead(plan.status, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "fake failure", type: "server_error" } }));
      return;
    }
    if (plan.garbage) {
      response.writeHead(200, { "content-type": "application/json" }).end("<html>totally not json</html>");
      return;
    }
    const toolCalls = (plan.toolCalls ?? []).map((call, index) => ({
      index,
      id: `call_${requests.length}_${index}`,
      type: "function",
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    }));
    const finish = toolCalls.length ? "tool_calls" : "stop";
    const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: body.model };
    if (!body.stream) {
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          ...base,
          object: "chat.completion",
          choices: [
            {
              index: 0,
              message: {
                role: "assistant",
                content: plan.content ?? (toolCalls.length ? null : ""),
                ...(toolCalls.length ? { tool_calls: toolCalls.map(({ index: _i, ...call }) => call) } : {}),
              },
              finish_reason: finish,
            },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
      return;
    }
    response.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const send = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      response.write(
        `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`,
      );
    send({ role: "assistant", content: "" });
    // Stream content in small pieces, as a real model does.
    for (const piece of (plan.content ?? "").match(/[\s\S]{1,4}/g) ?? []) send({ content: piece });
    if (toolCalls.length) send({ tool_calls: toolCalls });
    send({}, finish);
    response.write("data: [DONE]\n\n");
    response.end();
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
