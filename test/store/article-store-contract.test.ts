import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleStore } from "../../src/core/ports.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { MemoryArticleStore } from "../../src/store/memory-article-store.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { startRedis, type ThrowawayRedis } from "../support/redis-server.ts";

function article(id: string, text: string, hash = `hash-${text}`): IngestedArticle {
  return {
    article: { id, title: `Title ${id}`, text, language: "en", contentHash: hash },
    passages: [
      {
        id: `${id}#0`,
        articleId: id,
        index: 0,
        start: 0,
        end: text.length,
        text,
        sentences: [{ start: 0, end: text.length }],
        language: "en",
      },
    ],
  };
}

let redis: ThrowawayRedis;
let namespaceCounter = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

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

  it("reports a corrupt stored record clearly", async () => {
    const client = redis.client();
    const store = new RedisArticleStore(client, "corrupt");
    await client.set("{corrupt}:doc:x", "{not json");
    await expect(store.get("x")).rejects.toMatchObject({ code: "MALFORMED_INPUT", location: "x" });
  });
});
