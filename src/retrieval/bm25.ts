/** Okapi BM25 over pre-tokenised documents; serialisable so the index can live on disk. */
export interface Bm25Data {
  k1: number;
  b: number;
  averageLength: number;
  lengths: number[];
  /** term → [documentIndex, termFrequency][] */
  postings: Record<string, Array<[number, number]>>;
}

export class Bm25Index {
  private constructor(private readonly data: Bm25Data) {}

  // Weak length normalisation (b = 0.2): overview chunks are long because they carry every alias
  // and both summaries, and that is exactly where a colloquial question should land.
  static build(documents: string[][], k1 = 1.2, b = 0.2): Bm25Index {
    const postings: Record<string, Array<[number, number]>> = Object.create(null);
    const lengths = documents.map((tokens) => tokens.length);
    documents.forEach((tokens, documentIndex) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [term, count] of counts) {
        const list = postings[term] ?? [];
        list.push([documentIndex, count]);
        postings[term] = list;
      }
    });
    const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
    return new Bm25Index({ k1, b, averageLength, lengths, postings });
  }

  static fromJSON(data: Bm25Data): Bm25Index {
    return new Bm25Index({ ...data, postings: Object.assign(Object.create(null), data.postings) });
  }

  toJSON(): Bm25Data {
    return this.data;
  }

  get size(): number {
    return this.data.lengths.length;
  }

  /** Scores of every document that shares a term with the query, best first. */
  search(queryTokens: string[], limit = 50): Array<{ index: number; score: number }> {
    const { k1, b, averageLength, lengths, postings } = this.data;
    const total = lengths.length;
    const scores = new Map<number, number>();
    for (const term of new Set(queryTokens)) {
      const list = postings[term];
      if (!list) continue;
      const idf = Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5));
      for (const [index, frequency] of list) {
        const length = lengths[index] ?? averageLength;
        const weight = (idf * frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * length) / averageLength));
        scores.set(index, (scores.get(index) ?? 0) + weight);
      }
    }
    return [...scores]
      .map(([index, score]) => ({ index, score }))
      .sort((left, right) => right.score - left.score)
      .slice(0, limit);
  }
}
