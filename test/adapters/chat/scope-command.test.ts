import { describe, expect, it } from "vitest";
import {
  handleScopeCommand,
  type ScopeCommandContext,
  splitScopeCommand,
} from "../../../src/adapters/chat/scope-command-handler.ts";
import {
  channelCollection,
  followerCollection,
  grantableCollection,
  scopeKey,
  tenantOf,
  visibleCollections,
} from "../../../src/core/channel-scope.ts";
import type { ReplyTarget } from "../../../src/core/chat.ts";
import { MemoryScopeStore } from "../../../src/core/memory/memory-scope-store.ts";

const slackChannel: ReplyTarget = { platform: "slack", teamId: "T123", channelId: "C456", userId: "U1" };
const discordChannel: ReplyTarget = { platform: "discord", guildId: "987", channelId: "654", userId: "U1" };

function context(scopes: MemoryScopeStore, mayChange = true, sharedVisible = true): ScopeCommandContext {
  return { scopes, channel: slackChannel, sharedVisible, mayChange, whoMayChange: "the admins" };
}

describe("tenants and channel collections", () => {
  it("names a channel's collection from its tenant and channel, as feed followers' keys are", () => {
    expect(tenantOf(slackChannel)).toBe("slack:t123");
    expect(channelCollection(slackChannel)).toBe("slack:t123:c456");
    expect(channelCollection(discordChannel)).toBe("discord:987:654");
    expect(followerCollection("slack:T123:C456")).toBe(channelCollection(slackChannel));
    expect(followerCollection("cli")).toBe("shared");
  });

  it("grants the operator's collections and the tenant's own, never another tenant's or shared", () => {
    expect(grantableCollection("Handbook", slackChannel)).toBe("handbook");
    expect(grantableCollection("slack:T123:C999", slackChannel)).toBe("slack:t123:c999");
    expect(() => grantableCollection("slack:T999:C456", slackChannel)).toThrow(/another workspace/);
    expect(() => grantableCollection("discord:987:654", slackChannel)).toThrow(/another workspace/);
    expect(() => grantableCollection("slack:handbook", slackChannel)).toThrow(/names no workspace/);
    expect(() => grantableCollection("shared", slackChannel)).toThrow(/operator decides/);
    expect(() => grantableCollection("two words", slackChannel)).toThrow(/not a collection name/);
  });

  it("sees shared (unless switched off), its own collection and its grants of its tenant", async () => {
    const scopes = new MemoryScopeStore();
    await scopes.grant("slack:t123:c456", "handbook");
    await scopes.grant("slack:t123:c456", "slack:t999:c1");
    expect([...(await visibleCollections(slackChannel, scopes, true))].sort()).toEqual([
      "handbook",
      "shared",
      "slack:t123:c456",
    ]);
    expect([...(await visibleCollections(slackChannel, scopes, false))].sort()).toEqual([
      "handbook",
      "slack:t123:c456",
    ]);
  });

  it("gives every direct message of a Slack workspace what its admins granted to direct messages", async () => {
    const scopes = new MemoryScopeStore();
    const alice: ReplyTarget = { platform: "slack", teamId: "T123", channelId: "D0ALICE", userId: "U1" };
    const bob: ReplyTarget = { platform: "slack", teamId: "T123", channelId: "D0BOB", userId: "U2" };
    const elsewhere: ReplyTarget = { platform: "slack", teamId: "T999", channelId: "D0CAROL", userId: "U3" };
    expect(scopeKey(alice)).toBe("slack:t123:dm");
    expect(scopeKey(slackChannel)).toBe("slack:t123:c456");
    const discordDm: ReplyTarget = { platform: "discord", channelId: "111", userId: "U1" };
    expect(scopeKey(discordDm)).toBe(channelCollection(discordDm));
    await handleScopeCommand(
      { action: "add", collection: "handbook" },
      { ...context(scopes), channel: alice },
    );
    expect(await visibleCollections(bob, scopes, true)).toContain("handbook");
    expect(await visibleCollections(elsewhere, scopes, true)).not.toContain("handbook");
    expect(await visibleCollections(slackChannel, scopes, true)).not.toContain("handbook");
  });
});

describe("scope commands in chat", () => {
  it("are told apart from questions", () => {
    expect(splitScopeCommand("scope")).toEqual({ action: "show" });
    expect(splitScopeCommand(" scope add handbook ")).toEqual({ action: "add", collection: "handbook" });
    expect(splitScopeCommand("Scope remove handbook")).toEqual({ action: "remove", collection: "handbook" });
    expect(splitScopeCommand("scope of the harbour deal?")).toBeUndefined();
    expect(splitScopeCommand("scope add")).toBeUndefined();
  });

  it("add, list and remove grants; another tenant's collection is refused and nothing is stored", async () => {
    const scopes = new MemoryScopeStore();
    expect(await handleScopeCommand({ action: "add", collection: "Handbook" }, context(scopes))).toMatch(
      /now also sees `handbook`/,
    );
    expect(await handleScopeCommand({ action: "add", collection: "handbook" }, context(scopes))).toMatch(
      /already sees/,
    );
    expect(await handleScopeCommand({ action: "add", collection: "slack:T999:C1" }, context(scopes))).toMatch(
      /another workspace or server/,
    );
    const shown = await handleScopeCommand({ action: "show" }, context(scopes));
    expect(shown).toMatch(/`shared`/);
    expect(shown).toMatch(/`slack:t123:c456`/);
    expect(shown).toMatch(/`handbook` \(granted\)/);
    expect(await handleScopeCommand({ action: "show" }, context(scopes, true, false))).not.toMatch(
      /`shared`/,
    );
    expect(await handleScopeCommand({ action: "remove", collection: "handbook" }, context(scopes))).toMatch(
      /no longer sees/,
    );
    expect(await scopes.all()).toEqual(new Map());
  });

  it("lets only those who may change feeds change the scope", async () => {
    const scopes = new MemoryScopeStore();
    expect(
      await handleScopeCommand({ action: "add", collection: "handbook" }, context(scopes, false)),
    ).toMatch(/Only the admins/);
    expect(await scopes.granted("slack:t123:c456")).toEqual([]);
  });
});
