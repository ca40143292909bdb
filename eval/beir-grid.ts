/**
 * The development grid behind the article index's default (src/core/search/article-ranking.ts): k1, b and the
 * title boost on the NFCorpus dev split (nDCG@10) and on SQuAD part 1 / PIAF paragraph retrieval (gold
 * paragraph top 1 / top 5, each paragraph an article under its Wikipedia title), all through the product's
 * ingest and `Library.searchArticles`. Test splits and held-back data are never read here.
 * Run: node eval/beir-grid.ts
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseDocument } from "../src/core/ingest/index.ts";
import { Library } from "../src/core/library.ts";
import type { Bm25Options } from "../src/core/search/bm25.ts";
import type { IngestedArticle } from "../src/core/types.ts";
import { ndcgAt10 } from "./beir-metrics.ts";
import { beirFolder, readQrels } from "./beir-product.ts";
import { evalFile } from "./eval-data.ts";
import { paragraphArticles } from "./qa.ts";
import { readSquadFormat } from "./squad-format.ts";

const K1 = [0.9, 1.2, 1.5, 2];
const B = [0.4, 0.6, 0.75, 0.9];
const TITLE_BOOST = [1, 2, 3];

interface DevSet {
  name: string;
  articles: IngestedArticle[];
  score(library: Library): string;
}

function nfcorpusDev(): DevSet {
  const folder = beirFolder(evalFile("nfcorpus.zip"));
  const parsed = parseDocument({
    name: "corpus.jsonl",
    content: readFileSync(resolve(folder, "corpus.jsonl")),
  });
  const qrels = readQrels(resolve(folder, "qrels", "dev.tsv"));
  const queries = readFileSync(resolve(folder, "queries.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { _id: string; text: string })
    .filter((query) => qrels.has(query._id));
  return {
    name: "NFCorpus dev nDCG@10",
    articles: parsed.articles,
    score(library) {
      let total = 0;
      for (const query of queries) {
        const ranking = library.searchArticles(query.text, 10).map((hit) => hit.articleId);
        total += ndcgAt10(ranking, qrels.get(query._id) ?? new Map());
      }
      return (total / queries.length).toFixed(4);
    },
  };
}

function paragraphs(name: string, file: string, language: "en" | "fr"): DevSet {
  const { paragraphs, questions } = readSquadFormat(evalFile(file));
  return {
    name: `${name} top1/top5`,
    articles: paragraphArticles(paragraphs, language),
    score(library) {
      let top1 = 0;
      let top5 = 0;
      for (const question of questions) {
        const ids = library.searchArticles(question.question, 5).map((hit) => hit.articleId);
        if (ids[0] === question.paragraphId) top1++;
        if (ids.includes(question.paragraphId)) top5++;
      }
      return `${((100 * top1) / questions.length).toFixed(1)}/${((100 * top5) / questions.length).toFixed(1)}`;
    },
  };
}

const sets = [
  nfcorpusDev(),
  paragraphs("SQuAD", "squad-v1.1-dev-part1.json", "en"),
  paragraphs("PIAF", "piaf-v1.0.json", "fr"),
];
console.log(["k1", "b", "title", ...sets.map((set) => set.name)].join("\t"));
for (const k1 of K1) {
  for (const b of B) {
    for (const boost of TITLE_BOOST) {
      const options: Bm25Options = { k1, b, fields: { title: { boost }, text: {} } };
      const row = sets.map((set) => {
        const library = new Library({ articleIndex: options });
        library.add(set.articles);
        return set.score(library);
      });
      console.log([k1, b, boost, ...row].join("\t"));
    }
  }
}
