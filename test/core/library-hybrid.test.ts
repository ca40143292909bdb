import { describe, expect, it } from "vitest";
import { loadPaths } from "../../src/adapters/files/load-paths.ts";
import { validateQuestion } from "../../src/core/answer/question.ts";
import { parseDocument } from "../../src/core/ingest/index.ts";
import { Library } from "../../src/core/library.ts";
import type { Embedder } from "../../src/core/ports.ts";
import { HashingEmbedder } from "../../src/core/search/hashing-embedder.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { embedArticles } from "../../src/flows/ingest/embed-articles.ts";
import { citationProblems } from "../support/answer-contract.ts";
import { SEEDS_DIRECTORY, seedLibrary } from "../support/seed-library.ts";

/**
 * A tiny hand-made "multilingual" embedder: words of a few concepts, in three languages, share one dimension
 * each; names get their own; every other word is ignored.
 */
const CONCEPTS: Record<string, number> = {};
for (const [dimension, words] of [
  [0, "port harbour haven havens"],
  [1, "shut closed close sloot gesloten ferme fermee"],
  [2, "storm gale noodweer tempete"],
  [3, "rotterdam"],
  [4, "ships vessels schepen navires"],
] as const) {
  for (const word of words.split(" ")) CONCEPTS[word] = dimension;
}

class ConceptEmbedder implements Embedder {
  readonly name = "concepts-8";
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => {
      const vector = new Float32Array(8);
      const words =
        text
          .toLowerCase()
          .normalize("NFD")
          .replace(/\p{M}/gu, "")
          .match(/\p{L}+/gu) ?? [];
      for (const word of words) {
        const dimension = CONCEPTS[word];
        if (dimension !== undefined) vector[dimension] = (vector[dimension] ?? 0) + 1;
      }
      return vector;
    });
  }
}

function articlesOf(rows: Array<{ id: string; title: string; text: string; language: string }>) {
  const jsonl = rows.map((row) => JSON.stringify(row)).join("\n");
  return parseDocument({ name: "test.jsonl", content: new TextEncoder().encode(jsonl) }).articles;
}

async function withVectors(articles: IngestedArticle[], embedder: Embedder): Promise<Library> {
  const library = new Library();
  library.add(articles);
  for (const entry of await embedArticles(articles, embedder)) {
    library.setVectors(entry.model, entry.articleId, entry.vectors);
  }
  return library;
}

const QUESTION = "Which port near Rotterdam shut because of the storm?";

/**
 * The Dutch report of the closure shares only "Rotterdam" with the question; six English articles share
 * "Rotterdam" and "near" but are about other things; 110 Dutch and French notes about ports and bad weather
 * elsewhere share no question word but are nearer the question's vector than those six.
 */
function closureCorpus(): IngestedArticle[] {
  const rows = [
    {
      id: "closure-nl",
      title: "Noodweer",
      language: "nl",
      text: "De haven bij Rotterdam sloot dinsdag door noodweer. Honderd schepen wachtten voor de kust.",
    },
    ...["football", "film", "music", "cycling", "chess", "opera"].map((topic, index) => ({
      id: `distractor-${index}`,
      title: `Rotterdam ${topic}`,
      language: "en",
      text: `The Rotterdam ${topic} club met near the old town for a week of ${topic}. Fans of ${topic} came from far away.`,
    })),
    ...Array.from({ length: 110 }, (_, index) => ({
      id: `note-${index}`,
      title: index % 2 === 0 ? "Havenbericht" : "Note portuaire",
      language: index % 2 === 0 ? "nl" : "fr",
      text:
        index % 2 === 0
          ? `Bericht ${index}: de haven van Delfzijl meldt noodweer op zee, de schepen liggen veilig binnen.`
          : `Note ${index} : le quai de Sète est fermé, les navires attendent la fin de la tempête.`,
    })),
  ];
  return articlesOf(rows);
}

describe("hybrid retrieval", () => {
  it("finds a Dutch passage for an English question that lexical search alone leaves out of the top list", async () => {
    const embedder = new ConceptEmbedder();
    const library = await withVectors(closureCorpus(), embedder);
    expect(library.vectorModel).toBe("concepts-8");
    expect(library.articlesWithoutVectors()).toEqual([]);
    const lexical = library.search(QUESTION, 3).map((hit) => hit.articleId);
    expect(lexical).not.toContain("closure-nl");
    const [queryVector] = await embedder.embed([QUESTION]);
    const hybrid = library.search(QUESTION, 3, { queryVector }).map((hit) => hit.articleId);
    expect(hybrid[0]).toBe("closure-nl");
    const retrieved = library.retrieve(validateQuestion(QUESTION), { limit: 3, queryVector });
    expect(retrieved.map(({ passage }) => passage.articleId)).toEqual(hybrid);
    expect(retrieved[0]?.score).toBeGreaterThan(retrieved[1]?.score ?? 0);
    // The extractive answerer still needs the question's words in a sentence: this one holds too few of them.
    expect(citationProblems(library.ask(validateQuestion(QUESTION), { queryVector }))).toEqual([]);
  });

  it("gives exactly the lexical results without a query vector, vectors or not", async () => {
    const articles = closureCorpus();
    const plain = new Library();
    plain.add(articles);
    const embedded = await withVectors(articles, new ConceptEmbedder());
    for (const question of [QUESTION, "What happened to the ships?", "Rotterdam football club"]) {
      expect(embedded.search(question, 10)).toEqual(plain.search(question, 10));
      expect(embedded.retrieve(validateQuestion(question), { limit: 30 })).toEqual(
        plain.retrieve(validateQuestion(question), { limit: 30 }),
      );
      // All candidates in one language: vector grouping (cross-language only) changes nothing.
      expect(embedded.ask(validateQuestion(question))).toEqual(plain.ask(validateQuestion(question)));
    }
  });

  it("answers the seed questions identically with hashing vectors when no query vector is given", async () => {
    const seeds = await seedLibrary();
    const articles = seeds.articles().map((article) => ({
      article,
      passages: [...seeds.articlePassages(article.id)],
    }));
    const embedded = await withVectors(articles, new HashingEmbedder());
    for (const question of ["Who is the CEO of Trend Micro?", "Where is the IGCI?"]) {
      expect(embedded.search(question, 10)).toEqual(seeds.search(question, 10));
    }
  });

  it("drops an article's vectors with the article, and when it is added again", async () => {
    const embedder = new ConceptEmbedder();
    const library = await withVectors(closureCorpus(), embedder);
    const before = library.vectorCount;
    const passages = library.articlePassages("closure-nl");
    const passageId = passages[0]?.id ?? "";
    expect(library.passageSimilarity(passageId, passageId)).toBeCloseTo(1, 6);
    expect(library.remove("closure-nl")).toBe(true);
    expect(library.vectorCount).toBe(before - passages.length);
    expect(library.passageSimilarity(passageId, passageId)).toBeUndefined();
    const [queryVector] = await embedder.embed([QUESTION]);
    expect(library.search(QUESTION, 5, { queryVector }).map((hit) => hit.articleId)).not.toContain(
      "closure-nl",
    );

    const again = closureCorpus().filter(({ article }) => article.id === "closure-nl");
    library.add(again);
    expect(library.articlesWithoutVectors()).toEqual(["closure-nl"]);
    expect(library.hasVectors("closure-nl")).toBe(false);
    const [entry] = await embedArticles(again, embedder);
    library.setVectors(embedder.name, "closure-nl", entry?.vectors ?? []);
    expect(library.articlesWithoutVectors()).toEqual([]);
  });

  it("refuses a wrong vector count or dimension without changing anything, and holds one model at a time", async () => {
    const library = await withVectors(closureCorpus(), new ConceptEmbedder());
    const count = library.vectorCount;
    expect(() => library.setVectors("concepts-8", "closure-nl", [])).toThrow(/0 vectors for the 1 passages/);
    expect(() => library.setVectors("concepts-8", "closure-nl", [new Float32Array(3)])).toThrow(
      /3 dimensions; this index holds 8/,
    );
    expect(() => library.setVectors("concepts-8", "unknown", [])).toThrow(/Unknown article/);
    expect(library.vectorCount).toBe(count);
    library.setVectors("other-model", "closure-nl", [Float32Array.from([1, 0, 0])]);
    expect(library.vectorModel).toBe("other-model");
    expect(library.vectorCount).toBe(1);
    expect(library.articlesWithoutVectors()).toHaveLength(library.articleCount - 1);
  });
});

describe("cross-language fact grouping with vectors", () => {
  const rows = [
    {
      id: "en-wire",
      title: "Storm",
      language: "en",
      text: "A storm closed the harbour of Rotterdam on Monday, and 120 ships waited at sea. Dock workers went home.",
    },
    {
      id: "fr-journal",
      title: "Tempête",
      language: "fr",
      text: "Une tempête a fermé lundi le port de Rotterdam, où 120 navires attendaient au large. Les dockers sont rentrés.",
    },
  ];
  /** Other news, so that the shared number is as rare as in a real corpus (a name in every article is no key). */
  const otherNews = ["bakery", "orchestra", "library", "garden"].map((topic, index) => ({
    id: `other-${index}`,
    title: `The ${topic}`,
    language: "en",
    text: `The town ${topic} opened again after a long summer, and visitors were pleased with the ${topic}.`,
  }));
  const question = "Why was the harbour of Rotterdam closed on Monday?";

  async function bulletsCiting(library: Library) {
    const answer = library.ask(validateQuestion(question));
    expect(answer.status).toBe("answered");
    expect(citationProblems(answer)).toEqual([]);
    return answer.bullets.map((bullet) =>
      bullet.citations.map((n) => answer.sources[n - 1]?.articleId).sort(),
    );
  }

  it("groups a French and an English sentence stating the same fact, by passage vectors and a shared number", async () => {
    const articles = articlesOf([...rows, ...otherNews]);
    const lexical = new Library();
    lexical.add(articles);
    const lexicalBullets = await bulletsCiting(lexical);
    expect(lexicalBullets.some((cited) => cited.length === 2)).toBe(false);

    const vectors = await withVectors(articles, new ConceptEmbedder());
    const [first] = await bulletsCiting(vectors);
    expect(first).toEqual(["en-wire", "fr-journal"]);
  });

  it("keeps them apart when they share no name or number beyond the question's", async () => {
    const articles = articlesOf([
      ...rows.map((row) => ({ ...row, text: row.text.replace("120", row.language === "en" ? "80" : "95") })),
      ...otherNews,
    ]);
    const bullets = await bulletsCiting(await withVectors(articles, new ConceptEmbedder()));
    expect(bullets.some((cited) => cited.length === 2)).toBe(false);
  });
});

describe("vectors of another size or another version", () => {
  it("answers lexically when the query vector has another size than the stored ones", async () => {
    const library = new Library();
    library.add((await loadPaths([SEEDS_DIRECTORY])).articles);
    const lexical = library.search("Who is the CEO of Trend Micro?", 5);
    for (const article of library.articles()) {
      const vectors = library.articlePassages(article.id).map(() => Float32Array.from([1, 0, 0, 0]));
      library.setVectors("m", article.id, vectors);
    }
    const wrongSize = Float32Array.from([1, 0, 0, 0, 0, 0]);
    expect(library.search("Who is the CEO of Trend Micro?", 5, { queryVector: wrongSize })).toEqual(lexical);
    expect(
      library.ask(validateQuestion("Who is the CEO of Trend Micro?"), { queryVector: wrongSize }).status,
    ).toBe("answered");
  });

  it("ignores vectors made for another version of the article", async () => {
    const library = new Library();
    library.add((await loadPaths([SEEDS_DIRECTORY])).articles);
    const [article] = library.articles();
    if (!article) throw new Error("no seed article");
    const vectors = library.articlePassages(article.id).map(() => Float32Array.from([0, 1]));
    expect(library.setVectors("m", article.id, vectors, "an-older-hash")).toBe(false);
    expect(library.hasVectors(article.id)).toBe(false);
    expect(library.setVectors("m", article.id, vectors, article.contentHash)).toBe(true);
    expect(library.hasVectors(article.id)).toBe(true);
  });
});
