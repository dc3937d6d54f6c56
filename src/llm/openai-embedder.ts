import type { OpenAIEmbeddings } from "@langchain/openai";
import type { Embedder } from "../retrieval/embedder.ts";
import { l2Normalise } from "../retrieval/embedder.ts";

export interface OpenAiEmbedderConfig {
  baseUrl: string;
  apiKey: string;
  /** The embedding model's name at that endpoint (XIAOSHEN_EMBED_MODEL). */
  model: string;
  timeoutMs: number;
  /** Requested output size, for models that can shorten their vectors. */
  dimensions?: number;
}

const BATCH_SIZE = 64;

/** Embeddings from an OpenAI-compatible /v1/embeddings endpoint (Qwen, vLLM, Ollama …) via LangChain. */
export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  private client: Promise<OpenAIEmbeddings> | undefined;
  private known: number | undefined;

  constructor(private readonly config: OpenAiEmbedderConfig) {
    this.id = `openai-compatible:${config.model}@${config.baseUrl}${config.dimensions ? `:d${config.dimensions}` : ""}`;
    this.known = config.dimensions;
  }

  /** LangChain is loaded on first use, so an offline process never pays for it (~85 MB). */
  private async connect(): Promise<OpenAIEmbeddings> {
    const { config } = this;
    const { OpenAIEmbeddings } = await import("@langchain/openai");
    return new OpenAIEmbeddings({
      model: config.model,
      apiKey: config.apiKey,
      configuration: { baseURL: config.baseUrl },
      batchSize: BATCH_SIZE,
      maxRetries: 1,
      // JSON floats: every OpenAI-compatible server speaks them; not all decode base64.
      encodingFormat: "float",
      timeout: config.timeoutMs,
      ...(config.dimensions ? { dimensions: config.dimensions } : {}),
    });
  }

  /** Vector size; known after the first call when the config does not say. */
  get dimensions(): number {
    return this.known ?? 0;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    this.client ??= this.connect();
    const vectors = await (await this.client).embedDocuments([...texts]);
    const result = vectors.map((vector) => l2Normalise(Float32Array.from(vector)));
    this.known ??= result[0]?.length;
    return result;
  }
}
