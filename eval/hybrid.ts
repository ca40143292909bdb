/**
 * Hybrid retrieval with the deterministic hashing embedder (NOT a semantic model: shared words and spellings
 * only): lexical BM25F, vector-only and RRF-fused rankings on NFCorpus (nDCG@10) and on SQuAD / PIAF (gold
 * passage in top 1 / top 5), plus two checks: an "oracle" embedder that puts each question next to its gold
 * paragraph must move gold passages up when fused (the wiring works), and the seeds' cross-language passage
 * similarities behind the answerer's cross-language grouping threshold.
 * Run alone: node eval/hybrid.ts (runs the QA evaluation first to get its corpora).
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPaths } from "../src/adapters/files/load-paths.ts";
import { CROSS_LANGUAGE_VECTOR_THRESHOLD } from "../src/core/answer/fact-groups.ts";
import { Library } from "../src/core/library.ts";
import type { Embedder } from "../src/core/ports.ts";
import { HashingEmbedder, hashingVector } from "../src/core/search/hashing-embedder.ts";
import { fusionDepth, reciprocalRankFusion } from "../src/core/search/rank-fusion.ts";
import { SearchIndex } from "../src/core/search/search-index.ts";
import { VectorIndex } from "../src/core/search/vector-index.ts";
import type { IngestedArticle } from "../src/core/types.ts";
import { embedArticles, passageEmbeddingText } from "../src/flows/ingest/embed-articles.ts";
import { loadDataset, NFCORPUS_INDEX_OPTIONS, ndcgAt10 } from "./nfcorpus.ts";
import { share } from "./qa-metrics.ts";
import type { QaQuestion } from "./squad-format.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Ranks looked at for the oracle check; a gold passage further down counts as this + 1. */
const ORACLE_DEPTH = 20;

export interface NfcorpusHybrid {
  documents: number;
  queries: number;
  lexical: number;
  vector: number;
  fused: number;
}

/** nDCG@10 of the three rankings; documents embedded as "title\ntext", like passages under their title. */
export function evaluateNfcorpusHybrid(): NfcorpusHybrid {
  const { corpus, queries, qrels } = loadDataset("test");
  const lexicalIndex = new SearchIndex(NFCORPUS_INDEX_OPTIONS);
  const vectorIndex = new VectorIndex();
  for (const document of corpus) {
    lexicalIndex.add({
      id: document.id,
      language: "en",
      fields: { title: document.title, text: document.text },
    });
    vectorIndex.add(document.id, hashingVector(passageEmbeddingText(document.title, document.text)));
  }
  const depth = fusionDepth(10);
  const totals = { lexical: 0, vector: 0, fused: 0 };
  for (const query of queries) {
    const judged = qrels.get(query.id) ?? new Map<string, number>();
    const lexical = lexicalIndex
      .search(query.text, { limit: depth, queryLanguage: "en" })
      .map((hit) => hit.id);
    const vector = vectorIndex.search(hashingVector(query.text), depth).map((hit) => hit.id);
    const fused = reciprocalRankFusion([lexical, vector], { limit: 10 }).map((hit) => hit.id);
    totals.lexical += ndcgAt10(lexical, judged);
    totals.vector += ndcgAt10(vector, judged);
    totals.fused += ndcgAt10(fused, judged);
  }
  const count = queries.length;
  return {
    documents: corpus.length,
    queries: count,
    lexical: totals.lexical / count,
    vector: totals.vector / count,
    fused: totals.fused / count,
  };
}

// ---- SQuAD / PIAF ----

export interface GoldCounts {
  top1: number;
  top5: number;
}

export interface QaHybrid {
  dataset: string;
  passages: number;
  questions: number;
  lexical: GoldCounts;
  vector: GoldCounts;
  fused: GoldCounts;
  oracle: OracleCheck;
  ms: number;
}

export interface OracleCheck {
  /** Questions whose gold paragraph lexical search does not rank first. */
  below1: number;
  movedUp: number;
  same: number;
  movedDown: number;
  meanLexicalRank: number;
  meanFusedRank: number;
}

function copyOf(library: Library): IngestedArticle[] {
  return library
    .articles()
    .map((article) => ({ article, passages: [...library.articlePassages(article.id)] }));
}

async function withVectors(articles: readonly IngestedArticle[], embedder: Embedder): Promise<Library> {
  const library = new Library();
  library.add(articles);
  for (const entry of await embedArticles(articles, embedder)) {
    library.setVectors(entry.model, entry.articleId, entry.vectors);
  }
  return library;
}

function tally(counts: GoldCounts, articleIds: readonly (string | undefined)[], gold: string): void {
  if (articleIds[0] === gold) counts.top1++;
  if (articleIds.slice(0, 5).includes(gold)) counts.top5++;
}

/** 1-based rank of the gold paragraph's first passage, ORACLE_DEPTH + 1 when it is not in the list. */
function goldRank(articleIds: readonly string[], gold: string): number {
  const position = articleIds.indexOf(gold);
  return position < 0 ? ORACLE_DEPTH + 1 : position + 1;
}

/**
 * Knows which paragraph each question and each passage belongs to, and gives both that paragraph's random
 * unit vector (seeded by its id): a perfect retriever, to check that fusion moves what it finds up.
 */
class OracleEmbedder implements Embedder {
  readonly name = "oracle-64";
  readonly #paragraphOf = new Map<string, string>();

  constructor(articles: readonly IngestedArticle[], questions: readonly QaQuestion[]) {
    for (const { article, passages } of articles) {
      for (const passage of passages) {
        this.#paragraphOf.set(passageEmbeddingText(article.title, passage.text), article.id);
      }
    }
    for (const question of questions) this.#paragraphOf.set(question.question, question.paragraphId);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => paragraphVector(this.#paragraphOf.get(text) ?? text));
  }
}

function paragraphVector(key: string): Float32Array {
  let state = 2166136261;
  for (let index = 0; index < key.length; index++) state = Math.imul(state ^ key.charCodeAt(index), 16777619);
  const vector = new Float32Array(64);
  for (let index = 0; index < vector.length; index++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    vector[index] = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  }
  return vector;
}

export async function evaluateQaHybrid(
  dataset: string,
  source: Library,
  allQuestions: readonly QaQuestion[],
): Promise<QaHybrid> {
  const started = performance.now();
  const questions = [...allQuestions];
  const articles = copyOf(source);
  const embedder = new HashingEmbedder();
  const library = await withVectors(articles, embedder);
  const vectorOnly = new VectorIndex();
  const articleOfPassage = new Map<string, string>();
  for (const { article, passages } of articles) {
    for (const passage of passages) {
      articleOfPassage.set(passage.id, article.id);
      vectorOnly.add(passage.id, hashingVector(passageEmbeddingText(article.title, passage.text)));
    }
  }
  const zero = (): GoldCounts => ({ top1: 0, top5: 0 });
  const result = { lexical: zero(), vector: zero(), fused: zero() };
  const queryVectors = await embedder.embed(questions.map((question) => question.question));
  questions.forEach((question, index) => {
    const queryVector = queryVectors[index];
    const gold = question.paragraphId;
    tally(
      result.lexical,
      library.search(question.question, 5).map((hit) => hit.articleId),
      gold,
    );
    tally(
      result.vector,
      vectorOnly.search(queryVector ?? new Float32Array(0), 5).map((hit) => articleOfPassage.get(hit.id)),
      gold,
    );
    tally(
      result.fused,
      library.search(question.question, 5, { queryVector }).map((hit) => hit.articleId),
      gold,
    );
  });
  return {
    dataset,
    passages: library.passageCount,
    questions: questions.length,
    ...result,
    oracle: await oracleCheck(articles, questions),
    ms: performance.now() - started,
  };
}

async function oracleCheck(
  articles: readonly IngestedArticle[],
  questions: readonly QaQuestion[],
): Promise<OracleCheck> {
  const oracle = new OracleEmbedder(articles, questions);
  const library = await withVectors(articles, oracle);
  const check: OracleCheck = {
    below1: 0,
    movedUp: 0,
    same: 0,
    movedDown: 0,
    meanLexicalRank: 0,
    meanFusedRank: 0,
  };
  const queryVectors = await oracle.embed(questions.map((question) => question.question));
  questions.forEach((question, index) => {
    const lexical = goldRank(
      library.search(question.question, ORACLE_DEPTH).map((hit) => hit.articleId),
      question.paragraphId,
    );
    if (lexical === 1) return;
    const fused = goldRank(
      library
        .search(question.question, ORACLE_DEPTH, { queryVector: queryVectors[index] })
        .map((hit) => hit.articleId),
      question.paragraphId,
    );
    check.below1++;
    if (fused < lexical) check.movedUp++;
    else if (fused === lexical) check.same++;
    else check.movedDown++;
    check.meanLexicalRank += lexical;
    check.meanFusedRank += fused;
  });
  if (check.below1 > 0) {
    check.meanLexicalRank /= check.below1;
    check.meanFusedRank /= check.below1;
  }
  return check;
}

// ---- The seeds' cross-language passage similarities (the fact-grouping threshold) ----

export interface SeedSimilarities {
  passages: number;
  pairs: number;
  median: number;
  p99: number;
  atOrAboveThreshold: number;
}

export async function seedCrossLanguageSimilarities(): Promise<SeedSimilarities> {
  const seeds = (await loadPaths([resolve(REPO_ROOT, "seeds")])).articles;
  const library = await withVectors(seeds, new HashingEmbedder());
  const passages = seeds.flatMap((ingested) => ingested.passages);
  const similarities: number[] = [];
  passages.forEach((a, index) => {
    for (const b of passages.slice(index + 1)) {
      if (a.language !== b.language) similarities.push(library.passageSimilarity(a.id, b.id) ?? 0);
    }
  });
  similarities.sort((a, b) => a - b);
  const at = (fraction: number) => similarities[Math.floor(fraction * (similarities.length - 1))] ?? 0;
  return {
    passages: passages.length,
    pairs: similarities.length,
    median: at(0.5),
    p99: at(0.99),
    atOrAboveThreshold: similarities.filter((value) => value >= CROSS_LANGUAGE_VECTOR_THRESHOLD).length,
  };
}

// ---- Report ----

function goldRow(name: string, counts: GoldCounts, questions: number): string {
  return `${name.padEnd(14)} ${share(counts.top1, questions).padStart(8)} ${share(counts.top5, questions).padStart(8)}`;
}

/** Prints the section; returns false when the oracle check fails (fusion worse than lexical on average). */
export async function printHybridEvaluation(
  qa: ReadonlyArray<{ dataset: string; library: Library; questions: readonly QaQuestion[] }>,
): Promise<boolean> {
  console.log("\n== Hybrid retrieval (deterministic hashing embedder)");
  console.log(
    "hashing-256 is feature hashing of folded words and their character 4-grams, NOT a semantic model; fusion is reciprocal rank (k 60) of the lexical and vector top max(3 x limit, 100).",
  );
  const started = performance.now();
  const nf = evaluateNfcorpusHybrid();
  console.log(
    `\nNFCorpus (BEIR test, ${nf.queries} queries, ${nf.documents} documents), nDCG@10, ${(performance.now() - started).toFixed(0)} ms`,
  );
  console.log("ranking         nDCG@10");
  for (const [name, value] of [
    ["lexical", nf.lexical],
    ["vector only", nf.vector],
    ["fused (RRF)", nf.fused],
  ] as const) {
    console.log(`${name.padEnd(14)} ${value.toFixed(4).padStart(8)}`);
  }
  let oracleHolds = true;
  for (const { dataset, library, questions } of qa) {
    const report = await evaluateQaHybrid(dataset, library, questions);
    console.log(
      `\n${report.dataset}: ${report.passages} passages, all ${report.questions} questions, ${report.ms.toFixed(0)} ms`,
    );
    console.log("ranking        top1 psg top5 psg");
    console.log(goldRow("lexical", report.lexical, report.questions));
    console.log(goldRow("vector only", report.vector, report.questions));
    console.log(goldRow("fused (RRF)", report.fused, report.questions));
    const oracle = report.oracle;
    const holds = oracle.meanFusedRank <= oracle.meanLexicalRank;
    oracleHolds &&= holds;
    console.log(
      `oracle embedder (question next to its gold paragraph), ${oracle.below1} questions lexical ranks below 1: moved up ${oracle.movedUp}, same ${oracle.same}, down ${oracle.movedDown}; mean gold rank ${oracle.meanLexicalRank.toFixed(2)} lexical -> ${oracle.meanFusedRank.toFixed(2)} fused (ranks past ${ORACLE_DEPTH} count ${ORACLE_DEPTH + 1}) ${holds ? "ok" : "FAIL"}`,
    );
  }
  const seeds = await seedCrossLanguageSimilarities();
  console.log(
    `\nSeeds, cross-language passage pairs (fact-grouping threshold ${CROSS_LANGUAGE_VECTOR_THRESHOLD}): ${seeds.pairs} pairs of ${seeds.passages} passages, median ${seeds.median.toFixed(2)}, 99th percentile ${seeds.p99.toFixed(2)}, ${seeds.atOrAboveThreshold} at or above the threshold`,
  );
  return oracleHolds;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { evaluateQa } = await import("./qa.ts");
  const { evalFile } = await import("./eval-data.ts");
  const squad = evaluateQa("SQuAD v1.1 dev (part 1), English", evalFile("squad-v1.1-dev-part1.json"), "en");
  const piaf = evaluateQa("PIAF v1.0, French", evalFile("piaf-v1.0.json"), "fr");
  if (!(await printHybridEvaluation([squad, piaf]))) process.exitCode = 1;
}
