/** Retrieval quality and speed on the labelled matter questions in eval/sets/matters-*.jsonl. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config/index.ts";
import { loadKnowledgeBase } from "../src/knowledge/index.ts";
import {
  buildRetrievalIndex,
  createRetriever,
  type HybridOptions,
  type RetrievalIndex,
  readRetrievalIndex,
  saveRetrievalIndex,
} from "../src/retrieval/index.ts";
import { normalise, segment } from "../src/text/index.ts";
import type { Bench, BenchResult } from "./run.ts";

interface LabelledQuestion {
  id: string;
  question: string;
  expect: { matterId: string; section?: string };
}

const SETS_DIRECTORY = new URL("../eval/sets/", import.meta.url);
const TARGETS = { top1: 0.93, recall3: 0.98, p95Ms: 5 };
const REPEATS = 5;
const CONFIGURATIONS: Array<[string, HybridOptions]> = [
  ["lexical only (BM25 + aliases)", { mode: "lexical" }],
  ["vector only (LSA + HNSW)", { mode: "vector" }],
  ["hybrid, reciprocal rank fusion", { mode: "hybrid", method: "rrf" }],
  ["hybrid, weighted (default)", { mode: "hybrid", method: "weighted" }],
];

function loadQuestions(): LabelledQuestion[] {
  return readdirSync(SETS_DIRECTORY)
    .filter((name) => /^matters-.*\.jsonl$/.test(name))
    .flatMap((name) => readFileSync(new URL(name, SETS_DIRECTORY), "utf8").split("\n"))
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledQuestion)
    .filter((question) => typeof question.expect?.matterId === "string");
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

function measure(
  knowledgeIndex: RetrievalIndex,
  questions: LabelledQuestion[],
  options: HybridOptions,
  knowledge: ReturnType<typeof loadKnowledgeBase>,
) {
  const retriever = createRetriever(knowledge, knowledgeIndex, options);
  let top1 = 0;
  let recall3 = 0;
  let sectionHit = 0;
  const latencies: number[] = [];
  for (const { question, expect } of questions) {
    // A query's latency is the median of a few runs: one scheduler hiccup on a shared machine is not the query.
    const runs: number[] = [];
    let result = retriever.search(question);
    for (let run = 0; run < REPEATS; run += 1) {
      const started = performance.now();
      result = retriever.search(question);
      runs.push(performance.now() - started);
    }
    latencies.push(
      percentile(
        runs.sort((left, right) => left - right),
        0.5,
      ),
    );
    const ranked = result.matters.map((matter) => matter.matterId);
    if (ranked.slice(0, 3).includes(expect.matterId)) recall3 += 1;
    if (ranked[0] !== expect.matterId) continue;
    top1 += 1;
    if (result.matters[0]?.chunks[0]?.chunk.section === expect.section) sectionHit += 1;
  }
  latencies.sort((left, right) => left - right);
  const count = questions.length;
  return {
    top1: round(top1 / count),
    recall3: round(recall3 / count),
    sectionHit: round(sectionHit / count),
    p50Ms: round(percentile(latencies, 0.5), 2),
    p95Ms: round(percentile(latencies, 0.95), 2),
  };
}

/** Share of exact top-10 neighbours (brute force over every chunk vector) that HNSW returns. */
function hnswRecall(index: RetrievalIndex, questions: LabelledQuestion[]): number {
  const embed = index.embedder.embedSync?.bind(index.embedder);
  if (!embed) return Number.NaN;
  const chunkVectors = embed(index.chunks.map((chunk) => chunk.indexText));
  let found = 0;
  let total = 0;
  for (const { question } of questions) {
    const [query] = embed([question]);
    if (!query) continue;
    const exact = chunkVectors
      .map((vector, position) => ({
        position,
        score: vector.reduce((sum, value, k) => sum + value * (query[k] ?? 0), 0),
      }))
      .sort((left, right) => right.score - left.score)
      .slice(0, 10)
      .map(({ position }) => position);
    const approximate = new Set(index.dense.search(query, 10).map((hit) => hit.index));
    found += exact.filter((position) => approximate.has(position)).length;
    total += exact.length;
  }
  return total === 0 ? Number.NaN : found / total;
}

/** nodejieba throughput on 1 MB of guide text (the guides' sections, repeated to 1 MB). */
function jiebaThroughput(knowledge: ReturnType<typeof loadKnowledgeBase>): {
  tokensPerSecond: number;
  megabytes: number;
} {
  const lines = knowledge.guides.flatMap((guide) =>
    Object.values(guide.sections).flatMap((section) => section?.text.split("\n") ?? []),
  );
  const corpus: string[] = [];
  let bytes = 0;
  for (let index = 0; bytes < 1_000_000; index += 1) {
    const line = normalise(lines[index % lines.length] ?? "");
    corpus.push(line);
    bytes += Buffer.byteLength(line);
  }
  const started = performance.now();
  let tokens = 0;
  for (const line of corpus) tokens += segment(line).length;
  const seconds = (performance.now() - started) / 1000;
  return { tokensPerSecond: Math.round(tokens / seconds), megabytes: round(bytes / 1_000_000, 2) };
}

const bench: Bench = {
  name: "retrieval",
  async run(): Promise<BenchResult[]> {
    const knowledge = loadKnowledgeBase(loadConfig().knowledgeDir);
    const questions = loadQuestions();
    let started = performance.now();
    segment("加载词典"); // nodejieba loads its dictionaries on first use: once per process
    const jiebaLoadMs = performance.now() - started;

    started = performance.now();
    const built = buildRetrievalIndex(knowledge);
    const buildMs = performance.now() - started;
    const directory = mkdtempSync(join(tmpdir(), "xiaoshen-bench-"));
    let loadMs: number;
    let index: RetrievalIndex;
    try {
      saveRetrievalIndex(directory, built);
      started = performance.now();
      const loaded = readRetrievalIndex(directory, knowledge);
      if (!loaded) throw new Error("saved index did not load back");
      createRetriever(knowledge, loaded);
      loadMs = performance.now() - started;
      index = loaded;
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }

    const results = CONFIGURATIONS.map(([name, options]) => ({
      name,
      ...measure(index, questions, options, knowledge),
    }));
    const recall = hnswRecall(index, questions);
    const jieba = jiebaThroughput(knowledge);
    const rssMb = round(process.memoryUsage().rss / 1_048_576, 1);
    const hybrid = results.at(-1);

    const quality: BenchResult = {
      title: `retrieval quality and latency — ${questions.length} labelled questions, ${knowledge.guides.length} guides, ${index.meta.chunkCount} chunks`,
      columns: ["configuration", "matter top-1", "recall@3", "section hit", "p50 ms", "p95 ms"],
      rows: results.map((row) => [row.name, row.top1, row.recall3, row.sectionHit, row.p50Ms, row.p95Ms]),
      json: {
        questions: questions.length,
        configurations: results,
        targets: TARGETS,
        meetsTargets:
          !!hybrid && hybrid.top1 >= TARGETS.top1 && hybrid.recall3 >= TARGETS.recall3 && hybrid.p95Ms <= TARGETS.p95Ms,
      },
    };
    const system: BenchResult = {
      title: "retrieval index and text processing",
      columns: ["measure", "value"],
      rows: [
        ["embedder", index.meta.embedder.id],
        ["index build (chunks, BM25, LSA fit, HNSW)", `${Math.round(buildMs)} ms`],
        ["index load (files + retriever, jieba warm)", `${round(loadMs, 1)} ms`],
        ["jieba dictionary load (once per process)", `${Math.round(jiebaLoadMs)} ms`],
        ["HNSW recall@10 vs brute force", round(recall)],
        ["RSS after loading and benchmarking", `${rssMb} MB`],
        [`nodejieba on ${jieba.megabytes} MB of guide text`, `${jieba.tokensPerSecond.toLocaleString("en")} tokens/s`],
        ["CPUs", cpus().length],
      ],
      json: {
        embedder: index.meta.embedder,
        chunks: index.meta.chunkCount,
        buildMs: Math.round(buildMs),
        loadMs: round(loadMs, 1),
        jiebaLoadMs: Math.round(jiebaLoadMs),
        hnswRecallAt10: round(recall),
        rssMb,
        jiebaTokensPerSecond: jieba.tokensPerSecond,
        cpus: cpus().length,
      },
    };
    return [quality, system];
  },
};

export default bench;
