import { describe, expect, it } from "vitest";
import {
  type ArticleCommandContext,
  handleArticleCommand,
  splitArticleCommand,
} from "../../../src/adapters/chat/article-command-handler.ts";
import {
  handleBriefCommand,
  type IncomingBriefCommand,
} from "../../../src/adapters/discord/handle-brief-command.ts";
import type { DiscordMessagePayload } from "../../../src/adapters/discord/payload.ts";
import {
  type EphemeralReply,
  handleSlashCommand,
  type IncomingSlashCommand,
} from "../../../src/adapters/slack/handle-slash-command.ts";
import type { ReplyTarget } from "../../../src/core/chat.ts";
import { withCollections } from "../../../src/core/collections.ts";
import { MemoryArticleListings } from "../../../src/core/memory/memory-article-listings.ts";
import { MemoryArticleStore } from "../../../src/core/memory/memory-article-store.ts";
import { MemoryForgottenArticles } from "../../../src/core/memory/memory-forgotten-articles.ts";
import { MemoryQuestionQueue } from "../../../src/core/memory/memory-question-queue.ts";
import { MemoryScopeStore } from "../../../src/core/memory/memory-scope-store.ts";
import type { IngestedArticle } from "../../../src/core/types.ts";
import { onePassageArticle } from "../../support/one-passage-article.ts";

const slackChannel: ReplyTarget = { platform: "slack", teamId: "T1", channelId: "C1", userId: "U1" };

function article(
  id: string,
  collections: string[],
  extra: { published?: string; url?: string; source?: string } = {},
): IngestedArticle {
  const ingested = onePassageArticle(id, `Text of ${id}.`, { title: `Story ${id}` });
  return {
    ...ingested,
    article: withCollections({ ...ingested.article, ...extra }, collections),
  };
}

async function world() {
  const store = new MemoryArticleStore();
  const forgotten = new MemoryForgottenArticles();
  const scopes = new MemoryScopeStore();
  await store.put([
    article("own-old", ["slack:t1:c1"], { published: "2026-11-01", source: "Gazette" }),
    article("own-new", ["slack:t1:c1"], {
      published: "2026-12-01",
      url: "https://news.example/own-new?utm_source=x",
    }),
    article("both", ["discord:g2:c3", "slack:t1:c1"], { published: "2026-11-15" }),
    article("shared", [], { published: "2026-12-05" }),
    article("other-channel", ["slack:t1:c9"], { published: "2026-12-06" }),
    article("other-tenant", ["slack:t2:c1"], { published: "2026-12-06" }),
  ]);
  return { store, forgotten, scopes, listings: new MemoryArticleListings() };
}

function context(
  parts: Awaited<ReturnType<typeof world>>,
  overrides: Partial<ArticleCommandContext> = {},
): ArticleCommandContext {
  return {
    articles: { store: parts.store, forgotten: parts.forgotten, listings: parts.listings },
    scopes: parts.scopes,
    channel: slackChannel,
    sharedVisible: true,
    mayChange: true,
    whoMayChange: "the admins",
    ...overrides,
  };
}

describe("article commands in chat", () => {
  it("are told apart from questions", () => {
    expect(splitArticleCommand("articles")).toEqual({ action: "list", count: 10 });
    expect(splitArticleCommand(" Articles 25 ")).toEqual({ action: "list", count: 25 });
    expect(splitArticleCommand("forget 3")).toEqual({ action: "forget", which: "3" });
    expect(splitArticleCommand("forget <https://x.example/a>")).toEqual({
      action: "forget",
      which: "https://x.example/a",
    });
    expect(splitArticleCommand("articles about the harbour")).toBeUndefined();
    expect(splitArticleCommand("forget about it, what happened?")).toBeUndefined();
  });

  it("lists what the channel sees, newest first, numbered, never another channel's or tenant's", async () => {
    const parts = await world();
    const listed = await handleArticleCommand({ action: "list", count: 10 }, context(parts));
    const lines = listed.split("\n").filter((line) => /^\d+\./u.test(line));
    expect(lines.map((line) => /"Story ([^"]+)"/u.exec(line)?.[1])).toEqual([
      "shared",
      "own-new",
      "both",
      "own-old",
    ]);
    expect(lines[1]).toContain("https://news.example/own-new");
    expect(lines[3]).toContain("Gazette, 2026-11-01");
    expect(lines[3]).toContain("(en)");
    expect(listed).not.toMatch(/other-channel|other-tenant/);
    const two = await handleArticleCommand({ action: "list", count: 2 }, context(parts));
    expect(two.split("\n").filter((line) => /^\d+\./u.test(line))).toHaveLength(2);
    expect(await handleArticleCommand({ action: "list", count: 51 }, context(parts))).toMatch(/1 to 50/);
  });

  it("forgets by number from the tenant's collections; an article in none leaves the store", async () => {
    const parts = await world();
    await handleArticleCommand({ action: "list", count: 10 }, context(parts));
    const reply = await handleArticleCommand({ action: "forget", which: "2" }, context(parts));
    expect(reply).toMatch(/Forgot "Story own-new"/);
    expect(await parts.store.get("own-new")).toBeUndefined();
    expect((await parts.store.changesSince(0)).removedIds).toContain("own-new");
    expect(await parts.forgotten.forgottenBy(["slack:t1", "slack:t2"], ["id:own-new"])).toEqual(
      new Set(["slack:t1"]),
    );
  });

  it("reads a number through the channel's last listing: articles arriving in between do not shift it", async () => {
    const parts = await world();
    const listed = await handleArticleCommand({ action: "list", count: 10 }, context(parts));
    expect(listed).toMatch(/2\. "Story own-new"/u);
    await parts.store.put([article("newer", ["slack:t1:c1"], { published: "2026-12-07" })]);
    const reply = await handleArticleCommand({ action: "forget", which: "2" }, context(parts));
    expect(reply).toMatch(/Forgot "Story own-new"/u);
    expect(await parts.store.get("newer")).toBeDefined();
    expect(await handleArticleCommand({ action: "forget", which: "9" }, context(parts))).toMatch(
      /No article this channel sees is `9`/u,
    );
  });

  it("asks for a listing first when the channel has none, in the asker's language; a URL needs none", async () => {
    const parts = await world();
    expect(await handleArticleCommand({ action: "forget", which: "1" }, context(parts))).toMatch(
      /^Run `\/brief articles` first/u,
    );
    expect(
      await handleArticleCommand({ action: "forget", which: "1" }, context(parts, { language: "nl" })),
    ).toMatch(/^Gebruik eerst `\/brief articles`/u);
    const other: ReplyTarget = { platform: "slack", teamId: "T1", channelId: "C9", userId: "U1" };
    await handleArticleCommand({ action: "list", count: 10 }, context(parts, { channel: other }));
    expect(await handleArticleCommand({ action: "forget", which: "1" }, context(parts))).toMatch(
      /^Run `\/brief articles` first/u,
    );
    expect(
      await handleArticleCommand({ action: "forget", which: "https://news.example/own-new" }, context(parts)),
    ).toMatch(/Forgot "Story own-new"/u);
  });

  it("keeps another tenant's collection, and finds an article by URL or id", async () => {
    const parts = await world();
    await handleArticleCommand({ action: "forget", which: "both" }, context(parts));
    expect((await parts.store.get("both"))?.article.collections).toEqual(["discord:g2:c3"]);
    await handleArticleCommand(
      { action: "forget", which: "https://news.example/own-new#top" },
      context(parts),
    );
    expect(await parts.store.get("own-new")).toBeUndefined();
  });

  it("removes the tenant's other collections too, but cannot forget shared or what the channel does not see", async () => {
    const parts = await world();
    await parts.store.put([article("own-old", ["slack:t1:c9"], { published: "2026-11-01" })]);
    await handleArticleCommand({ action: "forget", which: "own-old" }, context(parts));
    expect(await parts.store.get("own-old")).toBeUndefined();
    expect(await handleArticleCommand({ action: "forget", which: "shared" }, context(parts))).toMatch(
      /`shared`, which chat cannot change/,
    );
    expect(await parts.store.get("shared")).toBeDefined();
    expect(await handleArticleCommand({ action: "forget", which: "other-tenant" }, context(parts))).toMatch(
      /No article this channel sees/,
    );
    expect(await parts.store.get("other-tenant")).toBeDefined();
  });

  it("lets everyone list but only admins forget", async () => {
    const parts = await world();
    const refused = await handleArticleCommand(
      { action: "forget", which: "1" },
      context(parts, { mayChange: false }),
    );
    expect(refused).toBe("Only the admins may forget articles.");
    expect(await parts.store.list()).toHaveLength(6);
    expect(
      await handleArticleCommand({ action: "list", count: 1 }, context(parts, { mayChange: false })),
    ).toMatch(/1\. "Story shared"/);
  });
});

function slash(text: string, userId = "U1") {
  const acks: EphemeralReply[] = [];
  const command: IncomingSlashCommand = {
    triggerId: "1.2.3",
    teamId: "T1",
    channelId: "C1",
    userId,
    text,
    responseUrl: undefined,
    ack: async (reply) => void acks.push(reply),
    respond: async (reply) => void acks.push(reply),
  };
  return { command, acks };
}

describe("/brief articles and forget on Slack", () => {
  it("lists for anyone and forgets for SLACK_ADMIN_USERS only", async () => {
    const parts = await world();
    const deps = {
      questions: new MemoryQuestionQueue(),
      articleCount: () => 6,
      now: () => 42,
      log: () => {},
      adminUsers: ["UADMIN"],
      scopes: parts.scopes,
      articles: { store: parts.store, forgotten: parts.forgotten, listings: parts.listings },
    };
    const list = slash("articles 3");
    expect(await handleSlashCommand(list.command, deps)).toBe("articles");
    expect(list.acks[0]?.text).toMatch(/1\. "Story shared"/);
    const refused = slash("forget 2");
    await handleSlashCommand(refused.command, deps);
    expect(refused.acks[0]?.text).toMatch(/SLACK_ADMIN_USERS/);
    const forget = slash("forget <https://news.example/own-new|news.example/own-new>", "UADMIN");
    await handleSlashCommand(forget.command, deps);
    expect(forget.acks[0]?.text).toMatch(/Forgot/);
    expect(await parts.store.get("own-new")).toBeUndefined();
    const without = slash("articles");
    await handleSlashCommand(without.command, { ...deps, articles: undefined });
    expect(without.acks[0]?.text).toMatch(/not available/);
  });
});

function brief(overrides: Partial<IncomingBriefCommand>) {
  const edits: DiscordMessagePayload[] = [];
  const deferred: Array<{ ephemeral: boolean } | undefined> = [];
  const incoming: IncomingBriefCommand = {
    id: "1800000000000000001",
    applicationId: "1100000000000000001",
    token: "token-1",
    channelId: "c3",
    guildId: "g2",
    userId: "u2",
    question: "",
    deferReply: async (options) => void deferred.push(options),
    editReply: async (payload) => void edits.push(payload),
    ...overrides,
  };
  return { incoming, edits, deferred };
}

describe("/brief articles: and forget: on Discord", () => {
  it("lists privately for anyone and forgets with Manage Channels only", async () => {
    const parts = await world();
    const deps = {
      botName: "Briefbot",
      questions: new MemoryQuestionQueue(),
      now: () => 42,
      log: () => {},
      scopes: parts.scopes,
      articles: { store: parts.store, forgotten: parts.forgotten, listings: parts.listings },
    };
    const list = brief({ articles: 5 });
    expect(await handleBriefCommand(list.incoming, deps)).toBe("articles");
    expect(list.deferred).toEqual([{ ephemeral: true }]);
    expect(JSON.stringify(list.edits)).toMatch(/1\. \\"Story shared\\".*2\. \\"Story both\\"/su);
    const refused = brief({ forget: "2", canManageChannel: false });
    await handleBriefCommand(refused.incoming, deps);
    expect(JSON.stringify(refused.edits)).toMatch(/Manage Channels/);
    const forget = brief({ forget: "2", canManageChannel: true });
    await handleBriefCommand(forget.incoming, deps);
    expect(JSON.stringify(forget.edits)).toMatch(/Forgot \\"Story both\\"/);
    expect((await parts.store.get("both"))?.article.collections).toEqual(["slack:t1:c1"]);
  });
});
