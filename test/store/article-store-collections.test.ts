import { describe, expect, it } from "vitest";
import { withCollections } from "../../src/core/collections.ts";
import { MemoryArticleStore } from "../../src/core/memory/memory-article-store.ts";
import type { ArticleStore } from "../../src/core/ports.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { onePassageArticle } from "../support/one-passage-article.ts";
import { redisPerFile } from "../support/redis-server.ts";

function article(id: string, text: string, collections: string[] = []): IngestedArticle {
  const ingested = onePassageArticle(id, text);
  return { ...ingested, article: withCollections(ingested.article, collections) };
}

const redis = redisPerFile();
let namespaceCounter = 0;
const namespace = () => `collections-${process.pid}-${namespaceCounter++}`;

const stores: Array<[string, () => ArticleStore]> = [
  ["memory", () => new MemoryArticleStore()],
  ["redis", () => new RedisArticleStore(redis.client(), namespace())],
];

describe.each(stores)("%s article store: collections", (_name, makeStore) => {
  it("keeps a shared article's record as it was: no collections field", async () => {
    const store = makeStore();
    const shared = article("a", "Shared text.");
    await store.put([shared]);
    expect(await store.get("a")).toEqual(shared);
    expect((await store.get("a"))?.article).not.toHaveProperty("collections");
  });

  it("adds another collection to the same content instead of a second article", async () => {
    const store = makeStore();
    await store.put([article("a", "Same text.", ["slack:t1:c1"])]);
    const before = await store.sequence();
    expect(await store.put([article("copy", "Same text.", ["discord:g2:c3"])])).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(await store.sequence()).toBeGreaterThan(before);
    const changes = await store.changesSince(before);
    expect(changes.upserts.map((upsert) => upsert.article.collections)).toEqual([
      ["discord:g2:c3", "slack:t1:c1"],
    ]);
    expect(await store.list()).toHaveLength(1);
    expect(await store.put([article("a", "Same text.", ["slack:t1:c1"])])).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
  });

  it("keeps shared when shared content is added to a channel's collection", async () => {
    const store = makeStore();
    await store.put([article("a", "Shared first.")]);
    await store.put([article("a", "Shared first.", ["slack:t1:c1"])]);
    expect((await store.get("a"))?.article.collections).toEqual(["shared", "slack:t1:c1"]);
  });

  it("keeps the collections when the content of an article changes", async () => {
    const store = makeStore();
    await store.put([article("a", "Version one.", ["slack:t1:c1"])]);
    await store.put([article("a", "Version two.", ["slack:t1:c2"])]);
    const stored = await store.get("a");
    expect(stored?.article.text).toBe("Version two.");
    expect(stored?.article.collections).toEqual(["slack:t1:c1", "slack:t1:c2"]);
  });

  it("forgets the collections of a removed article", async () => {
    const store = makeStore();
    await store.put([article("a", "Gone soon.", ["slack:t1:c1"])]);
    await store.remove("a");
    await store.put([article("a", "Gone soon.", ["slack:t1:c2"])]);
    expect((await store.get("a"))?.article.collections).toEqual(["slack:t1:c2"]);
  });
});

describe("redis article store: records from before collections", () => {
  it("reads an old record as shared, and keeps shared when a collection is added", async () => {
    const client = redis.client();
    const ns = namespace();
    const store = new RedisArticleStore(client, ns);
    const old = article("old", "Written by an older Briefbot.");
    await store.put([old]);
    await client.del(`{${ns}}:coll:old`);
    expect(await store.get("old")).toEqual(old);
    await store.put([article("old", "Written by an older Briefbot.", ["discord:g1:c1"])]);
    expect((await store.get("old"))?.article.collections).toEqual(["discord:g1:c1", "shared"]);
  });
});
