/**
 * `npm run bench`: ingest throughput, article extraction (ours beside Readability), index build/memory/latency,
 * answer rate; ours beside MiniSearch; vector search and hybrid ask latency; the model path's own cost; digests;
 * feed polling over loopback HTTP into a throwaway redis-server.
 */
import { benchAnswers } from "./answer-bench.ts";
import { printExtractBench } from "./extract-bench.ts";
import { benchIndex } from "./index-bench.ts";
import { benchIngest } from "./ingest-bench.ts";
import { benchModelPath, printModelPathBench } from "./model-path-bench.ts";
import { benchVectors, printVectorBench } from "./vector-bench.ts";

const fixed = (value: number, digits = 0) => value.toFixed(digits);

console.log(`== Ingest, one core (Node ${process.version})`);
const ingest = benchIngest();
console.log(`${ingest.articles} articles of ~${fixed(ingest.meanWords)} words`);
console.log(
  `parse only (clean, metadata, language, passages): ${fixed(ingest.parseArticlesPerSecond)} articles/s`,
);
console.log(
  `parse + briefbot index:                          ${fixed(ingest.oursArticlesPerSecond)} articles/s`,
);
console.log(
  `parse + MiniSearch index:                        ${fixed(ingest.miniSearchArticlesPerSecond)} articles/s`,
);

printExtractBench();

console.log("\n== Index: build, heap per passage, query latency (top 10)");
console.log("passages engine       build ms  passages/s  heap B/passage  p50 ms   p95 ms");
for (const row of await benchIndex()) {
  for (const [name, figures] of [
    ["briefbot", row.ours],
    ["minisearch", row.miniSearch],
  ] as const) {
    console.log(
      [
        String(row.passages).padStart(8),
        name.padEnd(11),
        fixed(figures.buildMs).padStart(9),
        fixed(figures.passagesPerSecond).padStart(10),
        fixed(figures.heapBytesPerPassage).padStart(13),
        fixed(figures.queryP50Ms, 2).padStart(8),
        fixed(figures.queryP95Ms, 2).padStart(8),
      ].join(" "),
    );
  }
}

console.log("\n== Answers (extractive, one index, SQuAD paragraphs)");
const answers = benchAnswers();
console.log(
  `${answers.questions} questions on ${answers.passages} passages: ${fixed(answers.questionsPerSecond)} questions/s, p50 ${fixed(answers.p50Ms, 2)} ms, p95 ${fixed(answers.p95Ms, 2)} ms`,
);

console.log("\n== Collections filter (inside the top-k selection), ~100k passages");
const collectionsBench = await import("./collections-bench.ts");
collectionsBench.printCollectionsBench(collectionsBench.benchCollections());

console.log("\n== Vector search and hybrid ask (random normalized vectors; lexical-only beside)");
printVectorBench(benchVectors());

console.log("\n== The model path's own cost (500 SQuAD questions; a model that replies at once)");
printModelPathBench(await benchModelPath());

(await import("./digest-bench.ts")).printDigestBench();

await (await import("./feed-bench.ts")).printFeedBench();
