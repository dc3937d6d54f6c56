import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/index.ts";
import { OpenAiEmbedder } from "../../src/llm/openai-embedder.ts";
import { attachAsyncEmbedder, buildRetrievalIndex, createRetriever, dot } from "../../src/retrieval/index.ts";
import { tempDir } from "../helpers/test-app.ts";

interface EmbeddingsRequest {
  model: string;
  input: string[] | string;
  encoding_format?: "float" | "base64";
}

/** A loopback server speaking the /v1/embeddings wire format: vectors from character codes. */
function vectorFor(text: string): number[] {
  const vector = [0, 0, 0, 0];
  for (const char of text) {
    const slot = (char.codePointAt(0) ?? 0) % 4;
    vector[slot] = (vector[slot] ?? 0) + 1;
  }
  return vector;
}

async function readJson(request: IncomingMessage): Promise<EmbeddingsRequest> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return JSON.parse(Buffer.concat(parts).toString("utf8")) as EmbeddingsRequest;
}

describe("OpenAiEmbedder against an OpenAI-compatible endpoint", () => {
  const received: Array<{ path: string; authorization?: string; body: EmbeddingsRequest }> = [];
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      void readJson(request).then((body) => {
        received.push({ path: request.url ?? "", authorization: request.headers.authorization, body });
        if (body.model === "missing-model") {
          response.writeHead(404, { "content-type": "application/json" });
          response.end(JSON.stringify({ error: { message: "model not found", type: "invalid_request_error" } }));
          return;
        }
        const inputs = Array.isArray(body.input) ? body.input : [body.input];
        const data = inputs.map((text, index) => {
          const vector = vectorFor(text);
          const embedding =
            body.encoding_format === "base64"
              ? Buffer.from(Float32Array.from(vector).buffer).toString("base64")
              : vector;
          return { object: "embedding", index, embedding };
        });
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const embedder = (model = "text-embedding-v3") =>
    new OpenAiEmbedder({ baseUrl, apiKey: "sk-test", model, timeoutMs: 5000 });

  it("posts the texts to /v1/embeddings and returns unit vectors in input order", async () => {
    const texts = ["居住证怎么办", "狗证年检", "aaaa"];
    const vectors = await embedder().embed(texts);
    const last = received.at(-1);
    expect(last?.path).toBe("/v1/embeddings");
    expect(last?.authorization).toBe("Bearer sk-test");
    expect(last?.body.model).toBe("text-embedding-v3");
    expect(last?.body.input).toEqual(texts);
    expect(vectors).toHaveLength(3);
    vectors.forEach((vector, index) => {
      const expected = vectorFor(texts[index] as string);
      const norm = Math.hypot(...expected);
      expect([...vector].map((value) => Number(value.toFixed(5)))).toEqual(
        expected.map((value) => Number((value / norm).toFixed(5))),
      );
      expect(dot(vector, vector)).toBeCloseTo(1, 5);
    });
  });

  it("names the model and endpoint in its id and learns the dimension from the first answer", async () => {
    const model = embedder();
    expect(model.id).toBe(`openai-compatible:text-embedding-v3@${baseUrl}`);
    await model.embed(["x"]);
    expect(model.dimensions).toBe(4);
  });

  it("sends large inputs in batches", async () => {
    const before = received.length;
    const texts = Array.from({ length: 130 }, (_, index) => `第${index}段`);
    const vectors = await embedder().embed(texts);
    expect(vectors).toHaveLength(130);
    expect(received.length - before).toBe(3);
  });

  it("rejects when the endpoint answers an error", async () => {
    await expect(embedder("missing-model").embed(["x"])).rejects.toThrow();
  });

  it("builds a vector index through the endpoint once and serves searchAsync with it", async () => {
    const knowledge = loadKnowledgeBase("knowledge");
    const retriever = createRetriever(knowledge, buildRetrievalIndex(knowledge));
    const directory = tempDir();
    try {
      const before = received.length;
      const first = await attachAsyncEmbedder(retriever, directory.path, knowledge, embedder());
      expect(first.rebuilt).toBe(true);
      expect(first.meta.embedder).toEqual({ id: `openai-compatible:text-embedding-v3@${baseUrl}`, dimensions: 4 });
      const embeddedChunks = received.slice(before).flatMap((request) => request.body.input);
      expect(embeddedChunks).toHaveLength(first.meta.chunkCount);

      const result = await retriever.searchAsync("狗证年检");
      expect(received.at(-1)?.body.input).toEqual(["狗证年检 犬只年检 犬只登记"]);
      expect(result.matters[0]?.matterId).toBe("dog-registration");

      const again = received.length;
      const second = await attachAsyncEmbedder(retriever, directory.path, knowledge, embedder());
      expect(second.rebuilt).toBe(false);
      expect(received.length).toBe(again);
    } finally {
      directory.remove();
    }
  });
});
