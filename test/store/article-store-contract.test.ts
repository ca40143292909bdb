import { describe, expect, it } from "vitest";
import { MemoryArticleStore } from "../../src/core/memory/memory-article-store.ts";
import type { ArticleStore, PassageVectors } from "../../src/core/ports.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { onePassageArticle } from "../support/one-passage-article.ts";
import { redisPerFile } from "../support/redis-server.ts";

function article(id: string, text: string, hash = `hash-${text}`): IngestedArticle {
  return onePassageArticle(id, text, { contentHash: hash });
}

function vectorsFor(
  ingested: IngestedArticle,
  model = "model-a",
  values: number[] = [0.25, -1.5, 3.0000001],
): PassageVectors {
  return {
    articleId: ingested.article.id,
    contentHash: ingested.article.contentHash,
    model,
    vectors: ingested.passages.map((_, index) => Float32Array.from(values, (value) => value + index)),
  };
}

const redis = redisPerFile();
let namespaceCounter = 0;

const stores: Array<[string, () => ArticleStore]> = [
  ["memory", () => new MemoryArticleStore()],
  ["redis", () => new RedisArticleStore(redis.client(), `test-${process.pid}-${namespaceCounter++}`)],
];

describe.each(stores)("%s article store", (_name, makeStore) => {
  it("adds, lists and reads back articles exactly", async () => {
    const store = makeStore();
    const first = article("a", "Trend Micro signs a deal.");
    expect(await store.put([first, article("b", "Interpol opens a centre.")])).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await store.get("a")).toEqual(first);
    expect((await store.list()).map((a) => a.id).sort()).toEqual(["a", "b"]);
    expect(await store.get("missing")).toBeUndefined();
  });

  it("reads the newest accepted articles by published date (undated last, ties by title), and by link", async () => {
    const store = makeStore();
    const dated = (id: string, published: string | undefined, title = `Story ${id}`, url?: string) => {
      const ingested = article(id, `Text of ${id}.`);
      return {
        ...ingested,
        article: {
          ...ingested.article,
          title,
          ...(published ? { published } : {}),
          ...(url ? { url } : {}),
        },
      };
    };
    const many = Array.from({ length: 450 }, (_, index) =>
      dated(`old-${index}`, `2020-01-${String(1 + (index % 28)).padStart(2, "0")}`),
    );
    await store.put([
      ...many,
      dated("undated", undefined),
      dated("b-tie", "2026-12-01", "Bravo"),
      dated("a-tie", "2026-12-01", "Alpha"),
      dated("newest", "2026-12-05", "Newest", "https://news.example/n?utm_source=feed"),
      dated("hidden", "2026-12-06"),
    ]);
    const accept = (candidate: { id: string }) => candidate.id !== "hidden";
    expect((await store.newest(3, accept)).map((a) => a.id)).toEqual(["newest", "a-tie", "b-tie"]);
    expect(
      (await store.newest(2, (a) => a.id.startsWith("old-") || a.id === "undated")).map((a) => a.id),
    ).toEqual(["old-111", "old-139"]);
    expect((await store.newest(1, (a) => a.id === "undated")).map((a) => a.id)).toEqual(["undated"]);
    expect(await store.newest(0, accept)).toEqual([]);
    expect((await store.withLink("https://news.example/n#top")).map((a) => a.id)).toEqual(["newest"]);
    await store.remove("newest");
    expect(await store.withLink("https://news.example/n")).toEqual([]);
    expect((await store.newest(1, accept)).map((a) => a.id)).toEqual(["a-tie"]);
  });

  it("does not duplicate re-ingested content, under the same or another id", async () => {
    const store = makeStore();
    await store.put([article("a", "Same text.")]);
    const before = await store.sequence();
    expect(await store.put([article("a", "Same text."), article("copy", "Same text.")])).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await store.sequence()).toBe(before);
    expect(await store.list()).toHaveLength(1);
  });

  it("replaces an article whose content changed under the same id", async () => {
    const store = makeStore();
    await store.put([article("a", "Version one.")]);
    expect(await store.put([article("a", "Version two.")])).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect((await store.get("a"))?.article.text).toBe("Version two.");
    // the old content may come back later as a new version
    expect(await store.put([article("a", "Version one.")])).toEqual({ added: 0, updated: 1, unchanged: 0 });
  });

  it("reports changes since a sequence: only what is new, and removals", async () => {
    const store = makeStore();
    await store.put([article("a", "One."), article("b", "Two.")]);
    const mark = await store.sequence();
    expect(mark).toBe(2);
    await store.put([article("c", "Three.")]);
    expect(await store.remove("a")).toBe(true);
    expect(await store.remove("a")).toBe(false);
    const changes = await store.changesSince(mark);
    expect(changes.upserts.map((u) => u.article.id)).toEqual(["c"]);
    expect(changes.removedIds).toEqual(["a"]);
    expect(changes.sequence).toBe(await store.sequence());
    const none = await store.changesSince(changes.sequence);
    expect(none.upserts).toEqual([]);
    expect(none.removedIds).toEqual([]);
    const all = await store.changesSince(0);
    expect(all.upserts.map((u) => u.article.id).sort()).toEqual(["b", "c"]);
  });
});

describe.each(stores)("%s article store, passage vectors", (_name, makeStore) => {
  it("stores vectors with the article and reads them back exactly, per model", async () => {
    const store = makeStore();
    const a = article("a", "Trend Micro signs a deal.");
    const b = article("b", "Interpol opens a centre.");
    await store.put([a, b]);
    const entry = vectorsFor(a);
    expect(await store.putVectors([entry, vectorsFor(b, "model-b", [1, 2])])).toBe(2);
    const read = await store.vectors(["a", "b", "missing"], "model-a");
    expect([...read.keys()]).toEqual(["a"]);
    expect(read.get("a")).toEqual(entry.vectors);
    expect(read.get("a")?.[0]).toBeInstanceOf(Float32Array);
    expect((await store.vectors(["b"], "model-b")).get("b")).toEqual([Float32Array.from([1, 2])]);
    expect(await store.vectors([], "model-a")).toEqual(new Map());
  });

  it("writes vectors only for the content they were made from", async () => {
    const store = makeStore();
    const one = article("a", "Version one.");
    await store.put([one]);
    const stale = vectorsFor(one);
    await store.put([article("a", "Version two.")]);
    expect(await store.putVectors([stale, vectorsFor(article("ghost", "No such article."))])).toBe(0);
    expect(await store.vectors(["a", "ghost"], "model-a")).toEqual(new Map());
  });

  it("drops vectors when a new version replaces the article, and when it is removed", async () => {
    const store = makeStore();
    const one = article("a", "Version one.");
    const kept = article("b", "Kept.");
    await store.put([one, kept]);
    await store.putVectors([vectorsFor(one), vectorsFor(kept)]);
    // Re-ingesting the same content writes nothing, vectors stay.
    await store.put([article("a", "Version one.")]);
    expect((await store.vectors(["a"], "model-a")).size).toBe(1);
    await store.put([article("a", "Version two.")]);
    expect(await store.vectors(["a"], "model-a")).toEqual(new Map());
    // The old content coming back is a new version: it gets no old vectors either.
    await store.put([article("a", "Version one.")]);
    expect(await store.vectors(["a"], "model-a")).toEqual(new Map());
    await store.remove("b");
    expect(await store.vectors(["b"], "model-a")).toEqual(new Map());
    await store.put([article("b", "Kept.")]);
    expect(await store.vectors(["b"], "model-a")).toEqual(new Map());
  });

  it("refuses vectors of mixed dimensions", async () => {
    const store = makeStore();
    const one = article("a", "Two passages.");
    const two: IngestedArticle = {
      ...one,
      passages: one.passages.flatMap((passage) => [passage, { ...passage, id: "a#1", index: 1 }]),
    };
    await store.put([two]);
    const entry: PassageVectors = { ...vectorsFor(two), vectors: [new Float32Array(3), new Float32Array(2)] };
    await expect(store.putVectors([entry])).rejects.toThrow(/dimensions/);
  });
});

describe("redis article store failures", () => {
  it("reports an unreachable Redis as a retryable STORE_UNAVAILABLE error", async () => {
    const { Redis } = await import("ioredis");
    const client = new Redis({
      port: 1,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on("error", () => {});
    const store = new RedisArticleStore(client, "unreachable");
    await expect(store.sequence()).rejects.toMatchObject({ code: "STORE_UNAVAILABLE", retryable: true });
    client.disconnect();
  });

  it("keeps vectors in {ns}:vec:<id>, one field per model, and ignores a field that does not hold what it says", async () => {
    const client = redis.client();
    const store = new RedisArticleStore(client, "vectors");
    const a = article("a", "Some text.", "hash-a");
    await store.put([a]);
    await store.putVectors([vectorsFor(a, "model-a"), vectorsFor(a, "model-b")]);
    expect((await client.hkeys("{vectors}:vec:a")).sort()).toEqual(["model-a", "model-b"]);
    const field = JSON.parse((await client.hget("{vectors}:vec:a", "model-a")) ?? "{}");
    expect(field).toMatchObject({ hash: "hash-a", dims: 3, count: 1 });
    expect(Buffer.from(field.data, "base64").byteLength).toBe(12);
    await client.hset("{vectors}:vec:a", "model-a", JSON.stringify({ ...field, dims: 2 }));
    await client.hset("{vectors}:vec:a", "model-b", "{not json");
    await client.hset("{vectors}:vec:a", "model-c", JSON.stringify({ ...field, hash: "hash-old" }));
    for (const model of ["model-a", "model-b", "model-c"]) {
      expect(await store.vectors(["a"], model)).toEqual(new Map());
    }
  });

  it("reports a corrupt stored record clearly", async () => {
    const client = redis.client();
    const store = new RedisArticleStore(client, "corrupt");
    await client.set("{corrupt}:doc:x", "{not json");
    await expect(store.get("x")).rejects.toMatchObject({ code: "STORE_CORRUPT", location: "x" });
  });
});
