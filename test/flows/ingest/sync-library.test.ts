import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPaths } from "../../../src/adapters/files/load-paths.ts";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import { BriefingError } from "../../../src/core/errors.ts";
import { Library } from "../../../src/core/library.ts";
import type { ArticleStore, Embedder } from "../../../src/core/ports.ts";
import { HashingEmbedder } from "../../../src/core/search/hashing-embedder.ts";
import type { IngestedArticle } from "../../../src/core/types.ts";
import { embedArticles } from "../../../src/flows/ingest/embed-articles.ts";
import { EMBED_RETRY_MS, logVectorFailure, syncLibrary } from "../../../src/flows/ingest/sync-library.ts";
import { RedisArticleStore } from "../../../src/store/redis-article-store.ts";
import { onePassageArticle } from "../../support/one-passage-article.ts";
import { startRedis, type ThrowawayRedis } from "../../support/redis-server.ts";
import { SEEDS_DIRECTORY } from "../../support/seed-library.ts";

/** The hashing embedder, counting the texts it embeds; `failing` makes it throw as a down server would. */
class CountingEmbedder implements Embedder {
  readonly name = "hashing-256";
  readonly #inner = new HashingEmbedder();
  texts = 0;
  calls = 0;
  failing = false;

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls++;
    if (this.failing) throw new BriefingError("MODEL_UNAVAILABLE", "The embedding server is down.");
    this.texts += texts.length;
    return await this.#inner.embed(texts);
  }
}

/** Counts every store call, to check what a sync costs. */
function counted(store: ArticleStore): { store: ArticleStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

const passageCount = (articles: readonly IngestedArticle[]) =>
  articles.reduce((sum, ingested) => sum + ingested.passages.length, 0);

let redis: ThrowawayRedis;
let seeds: IngestedArticle[];
let namespace = 0;

beforeAll(async () => {
  redis = await startRedis();
  seeds = (await loadPaths([SEEDS_DIRECTORY])).articles;
});
afterAll(async () => {
  await redis?.stop();
});

async function seededStore(): Promise<RedisArticleStore> {
  const store = new RedisArticleStore(redis.client(), `sync-${process.pid}-${namespace++}`);
  await store.put(seeds);
  return store;
}

function extraArticle(id: string, text: string): IngestedArticle {
  return onePassageArticle(id, text, { title: `About ${id}`, contentHash: `hash-${id}-${text}` });
}

describe("syncLibrary with an embedder", () => {
  it("embeds once, stores the vectors, and a second library loads them without embedding", async () => {
    const store = await seededStore();
    const embedder = new CountingEmbedder();
    const first = new Library();
    expect(await syncLibrary(first, store, embedder)).toEqual({ embedded: seeds.length, missing: 0 });
    expect(embedder.texts).toBe(passageCount(seeds));
    expect(first.vectorModel).toBe("hashing-256");
    expect(first.vectorCount).toBe(passageCount(seeds));
    expect(
      (
        await store.vectors(
          seeds.map((s) => s.article.id),
          "hashing-256",
        )
      ).size,
    ).toBe(seeds.length);

    const secondEmbedder = new CountingEmbedder();
    const second = new Library();
    const { store: watched, calls } = counted(store);
    expect(await syncLibrary(second, watched, secondEmbedder)).toEqual({ embedded: 0, missing: 0 });
    expect(secondEmbedder.calls).toBe(0);
    expect(second.articlesWithoutVectors()).toEqual([]);
    const [id] = first.articlePassages(seeds[0]?.article.id ?? "").map((passage) => passage.id);
    const [other] = first.articlePassages(seeds[1]?.article.id ?? "").map((passage) => passage.id);
    expect(second.passageSimilarity(id ?? "", other ?? "")).toBeCloseTo(
      first.passageSimilarity(id ?? "", other ?? "") ?? Number.NaN,
      6,
    );

    // Nothing changed: one round trip, as without an embedder.
    calls.length = 0;
    expect(await syncLibrary(second, watched, secondEmbedder)).toEqual({ embedded: 0, missing: 0 });
    expect(calls).toEqual(["sequence"]);

    // A new article and a new version: only those are embedded.
    await store.put([extraArticle("new", "A brand new article about harbours.")]);
    const changed = seeds[0] as IngestedArticle;
    await store.put([
      { ...changed, article: { ...changed.article, contentHash: "edited", text: changed.article.text } },
    ]);
    expect(await syncLibrary(second, watched, secondEmbedder)).toEqual({ embedded: 2, missing: 0 });
    expect(secondEmbedder.texts).toBe(1 + changed.passages.length);
    expect(second.articlesWithoutVectors()).toEqual([]);
  });

  it("keeps answering lexically when the embedder fails, and tries again at most every 30 s", async () => {
    const store = await seededStore();
    const embedder = new CountingEmbedder();
    embedder.failing = true;
    let clock = 1_000_000;
    const now = () => clock;
    const library = new Library();
    const logged: string[] = [];
    const log = (event: string) => logged.push(event);
    const failed = await syncLibrary(library, store, embedder, { now });
    logVectorFailure(failed, log);
    expect(failed).toMatchObject({
      embedded: 0,
      missing: seeds.length,
      error: { code: "MODEL_UNAVAILABLE" },
    });
    expect(library.articleCount).toBe(seeds.length);
    expect(library.vectorCount).toBe(0);
    expect(library.ask(validateQuestion("Who is the CEO of Trend Micro?")).status).toBe("answered");
    expect(embedder.calls).toBe(1);

    // Within 30 s the embedder is left alone, even when new articles arrive.
    clock += 1_000;
    const again = await syncLibrary(library, store, embedder, { now });
    expect(again).toMatchObject({ missing: seeds.length });
    logVectorFailure(again, log);
    expect(logged).toEqual(["embedding_failed"]);
    await store.put([extraArticle("late", "An article that arrived while the embedder was down.")]);
    expect(await syncLibrary(library, store, embedder, { now })).toMatchObject({
      embedded: 0,
      missing: seeds.length + 1,
      error: { code: "MODEL_UNAVAILABLE" },
    });
    expect(embedder.calls).toBe(1);
    expect(library.articleCount).toBe(seeds.length + 1);

    // Later, with the embedder back, every missing article is embedded and stored.
    embedder.failing = false;
    clock += EMBED_RETRY_MS;
    expect(await syncLibrary(library, store, embedder, { now })).toEqual({
      embedded: seeds.length + 1,
      missing: 0,
    });
    expect(library.articlesWithoutVectors()).toEqual([]);
    expect((await store.vectors(["late"], "hashing-256")).size).toBe(1);
  });

  it("stays as before without an embedder: no vectors, one round trip when nothing changed", async () => {
    const { store, calls } = counted(await seededStore());
    const library = new Library();
    expect(await syncLibrary(library, store)).toEqual({ embedded: 0, missing: 0 });
    expect(library.vectorModel).toBeUndefined();
    calls.length = 0;
    await syncLibrary(library, store);
    expect(calls).toEqual(["sequence"]);
    expect(await syncLibrary(library, undefined)).toEqual({ embedded: 0, missing: 0 });
  });
});

describe("embedArticles", () => {
  it("embeds every passage under its title, in chunks across articles, one entry per article", async () => {
    const seen: string[][] = [];
    const recorder: Embedder = {
      name: "recorder",
      async embed(texts) {
        seen.push([...texts]);
        return texts.map((_, index) => Float32Array.from([index + 1, 1]));
      },
    };
    const articles = [
      extraArticle("a", "First text."),
      extraArticle("b", "Second text."),
      extraArticle("c", "Third."),
    ];
    const entries = await embedArticles(articles, recorder, 2);
    expect(seen).toEqual([["About a\nFirst text.", "About b\nSecond text."], ["About c\nThird."]]);
    expect(
      entries.map((entry) => [entry.articleId, entry.contentHash, entry.model, entry.vectors.length]),
    ).toEqual([
      ["a", "hash-a-First text.", "recorder", 1],
      ["b", "hash-b-Second text.", "recorder", 1],
      ["c", "hash-c-Third.", "recorder", 1],
    ]);
    expect(entries[1]?.vectors[0]).toEqual(Float32Array.from([2, 1]));
  });

  it("reports an embedder's wrong answer or failure as a model error", async () => {
    const articles = [extraArticle("a", "Text.")];
    const short: Embedder = { name: "short", embed: async () => [] };
    await expect(embedArticles(articles, short)).rejects.toMatchObject({ code: "MODEL_OUTPUT_INVALID" });
    const broken: Embedder = { name: "broken", embed: async () => [Float32Array.from([Number.NaN])] };
    await expect(embedArticles(articles, broken)).rejects.toMatchObject({ code: "MODEL_OUTPUT_INVALID" });
    const down: Embedder = {
      name: "down",
      embed: async () => {
        throw new Error("ECONNREFUSED");
      },
    };
    await expect(embedArticles(articles, down)).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
  });
});
