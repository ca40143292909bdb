import { describe, expect, it } from "vitest";
import { withCollections } from "../../src/core/collections.ts";
import type { ForgottenArticles } from "../../src/core/forgotten-articles.ts";
import { MemoryArticleStore } from "../../src/core/memory/memory-article-store.ts";
import { MemoryForgottenArticles } from "../../src/core/memory/memory-forgotten-articles.ts";
import type { ArticleStore } from "../../src/core/ports.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { RedisForgottenArticles } from "../../src/store/redis-forgotten-articles.ts";
import { onePassageArticle } from "../support/one-passage-article.ts";
import { redisPerFile } from "../support/redis-server.ts";

function article(id: string, text: string, collections: string[] = []): IngestedArticle {
  const ingested = onePassageArticle(id, text);
  return { ...ingested, article: withCollections(ingested.article, collections) };
}

const redis = redisPerFile();
let namespaceCounter = 0;
const namespace = () => `forget-${process.pid}-${namespaceCounter++}`;

const stores: Array<[string, () => ArticleStore, () => ForgottenArticles]> = [
  ["memory", () => new MemoryArticleStore(), () => new MemoryForgottenArticles()],
  [
    "redis",
    () => new RedisArticleStore(redis.client(), namespace()),
    () => new RedisForgottenArticles(redis.client(), namespace()),
  ],
];

describe.each(stores)("%s store: forgetting an article", (_name, makeStore, makeForgotten) => {
  it("takes it out of some collections, in the sequence, so every library re-reads it", async () => {
    const store = makeStore();
    await store.put([article("a", "Kept elsewhere.", ["discord:g2:c3", "slack:t1:c1", "slack:t1:c2"])]);
    const before = await store.sequence();
    expect(await store.removeFromCollections("a", ["slack:t1:c1", "slack:t1:c2"])).toEqual(["discord:g2:c3"]);
    const changes = await store.changesSince(before);
    expect(changes.upserts.map((upsert) => upsert.article.collections)).toEqual([["discord:g2:c3"]]);
    expect(changes.removedIds).toEqual([]);
  });

  it("removes it as retention does when it is left in no collection", async () => {
    const store = makeStore();
    await store.put([article("a", "Only here.", ["slack:t1:c1"]), article("b", "Other.", [])]);
    const before = await store.sequence();
    expect(await store.removeFromCollections("a", ["slack:t1:c1"])).toEqual([]);
    expect(await store.get("a")).toBeUndefined();
    expect((await store.changesSince(before)).removedIds).toEqual(["a"]);
    expect(await store.put([article("a2", "Only here.", ["discord:g2:c3"])])).toMatchObject({ added: 1 });
  });

  it("changes nothing for a collection it is not in, a shared record, or an unknown id", async () => {
    const store = makeStore();
    await store.put([article("s", "Shared.")]);
    const before = await store.sequence();
    expect(await store.removeFromCollections("s", ["slack:t1:c1"])).toEqual(["shared"]);
    expect(await store.sequence()).toBe(before);
    expect(await store.removeFromCollections("missing", ["slack:t1:c1"])).toBeUndefined();
  });

  it("remembers what each tenant forgot, apart from other tenants", async () => {
    const forgotten = makeForgotten();
    await forgotten.forget("slack:t1", ["id:a", "url:https://news.example/a"]);
    expect(await forgotten.forgottenBy(["slack:t1", "discord:g2"], ["url:https://news.example/a"])).toEqual(
      new Set(["slack:t1"]),
    );
    expect(await forgotten.forgottenBy(["slack:t1"], ["id:b"])).toEqual(new Set());
  });
});
