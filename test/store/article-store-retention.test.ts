import { describe, expect, it } from "vitest";
import { MemoryArticleStore } from "../../src/core/memory/memory-article-store.ts";
import type { ArticleStore } from "../../src/core/ports.ts";
import { DAY_MS } from "../../src/core/retention.ts";
import type { IngestedArticle } from "../../src/core/types.ts";
import { RedisArticleStore } from "../../src/store/redis-article-store.ts";
import { onePassageArticle } from "../support/one-passage-article.ts";
import { redisPerFile } from "../support/redis-server.ts";

const T0 = Date.parse("2026-03-10T12:00:00Z");

function dated(id: string, published: string | undefined, text = `Text of ${id}.`): IngestedArticle {
  const ingested = onePassageArticle(id, text, { contentHash: `hash-${id}-${text}` });
  return published === undefined ? ingested : { ...ingested, article: { ...ingested.article, published } };
}

function vectorsOf(ingested: IngestedArticle) {
  return {
    articleId: ingested.article.id,
    contentHash: ingested.article.contentHash,
    model: "model-a",
    vectors: ingested.passages.map(() => Float32Array.of(1, 2, 3)),
  };
}

const redis = redisPerFile();
let namespaceCounter = 0;

/** A store whose arrivals are stamped by a clock the test moves. */
type Clocked = (clock: { now: number }) => ArticleStore;

const stores: Array<[string, Clocked]> = [
  ["memory", (clock) => new MemoryArticleStore(() => clock.now)],
  [
    "redis",
    (clock) =>
      new RedisArticleStore(
        redis.client(),
        `retention-${process.pid}-${namespaceCounter++}`,
        () => clock.now,
      ),
  ],
];

const CUTOFF = T0 - 365 * DAY_MS;
/** An arrival this many days before T0. */
const daysBefore = (days: number) => T0 - days * DAY_MS;

describe.each(stores)("%s article store, removeOlderThan", (_name, makeStore) => {
  it("removes what was stored before the instant, as remove does: sequence, removedIds, vectors", async () => {
    const clock = { now: daysBefore(400) };
    const store = makeStore(clock);
    const old = dated("old", "2026-03-01");
    const recent = dated("recent", "2013-05-01");
    await store.put([old]);
    clock.now = T0;
    await store.put([recent, dated("undated", undefined)]);
    expect(await store.putVectors([vectorsOf(old), vectorsOf(recent)])).toBe(2);
    const mark = await store.sequence();

    expect(await store.removeOlderThan(CUTOFF)).toBe(1);

    expect(await store.get("old")).toBeUndefined();
    expect((await store.list()).map((article) => article.id).sort()).toEqual(["recent", "undated"]);
    const changes = await store.changesSince(mark);
    expect(changes).toEqual({ sequence: mark + 1, upserts: [], removedIds: ["old"] });
    expect([...(await store.vectors(["old", "recent"], "model-a")).keys()]).toEqual(["recent"]);
    // nothing left to remove: no sequence spent
    expect(await store.removeOlderThan(CUTOFF)).toBe(0);
    expect(await store.sequence()).toBe(mark + 1);
  });

  it("counts from the arrival instant, whatever the published date (an archive stays its full term)", async () => {
    const store = makeStore({ now: T0 });
    await store.put([
      dated("archive", "2013-05-01"),
      dated("bad-date", "2024-13-45"),
      dated("undated", undefined),
    ]);
    expect(await store.removeOlderThan(T0)).toBe(0);
    expect(await store.removeOlderThan(T0 + 1)).toBe(3);
  });

  it("starts a new term with a new version, not with the same content stored again", async () => {
    const clock = { now: daysBefore(400) };
    const store = makeStore(clock);
    await store.put([dated("a", "2026-03-09", "First version."), dated("b", "2026-03-09", "Same.")]);
    clock.now = T0;
    await store.put([dated("a", "2026-03-09", "Second version."), dated("b", "2026-03-09", "Same.")]);
    expect(await store.removeOlderThan(CUTOFF)).toBe(1);
    expect((await store.list()).map((article) => article.id)).toEqual(["a"]);
    expect((await store.get("a"))?.article.text).toBe("Second version.");
  });

  it("removes more articles than one batch holds, and keeps the ones stored at or after the instant", async () => {
    const clock = { now: daysBefore(500) };
    const store = makeStore(clock);
    await store.put(Array.from({ length: 1_203 }, (_, index) => dated(`old-${index}`, "2026-03-01")));
    clock.now = CUTOFF;
    await store.put([dated("kept", "2013-06-01")]);
    expect(await store.removeOlderThan(CUTOFF)).toBe(1_203);
    expect((await store.list()).map((article) => article.id)).toEqual(["kept"]);
    expect((await store.changesSince(0)).removedIds).toHaveLength(1_203);
  });

  it("lets the content of a removed article come back as a new article, with a new term", async () => {
    const clock = { now: daysBefore(400) };
    const store = makeStore(clock);
    const old = dated("a", "2023-06-01");
    await store.put([old]);
    expect(await store.removeOlderThan(CUTOFF)).toBe(1);
    clock.now = T0;
    expect(await store.put([old])).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await store.removeOlderThan(CUTOFF)).toBe(0);
  });
});

describe("redis article store, retention index", () => {
  it("keeps {ns}:dated by arrival, and dates the articles of a store written before it existed", async () => {
    const namespace = `retention-legacy-${process.pid}`;
    const client = redis.client();
    const clock = { now: daysBefore(400) };
    const store = new RedisArticleStore(client, namespace, () => clock.now);
    await store.put([dated("old", "2026-03-10"), dated("undated", undefined), dated("lost", "2013-01-01")]);
    clock.now = T0;
    await store.put([dated("new", "2013-06-01")]);
    expect(await client.zscore(`{${namespace}}:dated`, "old")).toBe(String(daysBefore(400)));
    expect(await client.zscore(`{${namespace}}:dated`, "new")).toBe(String(T0));
    // as written by a version without the index; "lost" lacks its arrival too: it gets a full term from now
    await client.del(`{${namespace}}:dated`);
    await client.zrem(`{${namespace}}:arrived`, "lost");
    expect(await store.removeOlderThan(CUTOFF)).toBe(2);
    expect((await store.list()).map((article) => article.id).sort()).toEqual(["lost", "new"]);
    expect(await client.zscore(`{${namespace}}:dated`, "lost")).toBe(String(T0));
    expect((await client.zrange(`{${namespace}}:dated`, "0", "-1")).sort()).toEqual(["lost", "new"]);
    expect(await client.exists(`{${namespace}}:doc:old`, `{${namespace}}:doc:undated`)).toBe(0);
  });
});
