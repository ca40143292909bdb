import { describe, expect, it } from "vitest";
import {
  type FeedCommandContext,
  handleFeedCommand,
  splitFeedCommand,
} from "../../src/adapters/chat/feed-command-handler.ts";
import {
  handleBriefCommand,
  type IncomingBriefCommand,
} from "../../src/adapters/discord/handle-brief-command.ts";
import {
  handleSlashCommand,
  type IncomingSlashCommand,
} from "../../src/adapters/slack/handle-slash-command.ts";
import type { ChannelFeed, FeedFollowing, FeedRequest } from "../../src/core/chat.ts";
import { MemoryQuestionQueue } from "../../src/core/memory/memory-question-queue.ts";

/** FeedFollowing that records requests and holds one channel's feeds. */
class RecordingFeeds implements FeedFollowing {
  readonly requests: FeedRequest[] = [];
  feeds: ChannelFeed[] = [];

  async request(request: FeedRequest): Promise<{ enqueued: boolean }> {
    const duplicate = this.requests.some((earlier) => earlier.jobId === request.jobId);
    if (!duplicate) this.requests.push(request);
    return { enqueued: !duplicate };
  }

  async unfollow(_channelKey: string, urlOrNumber: string) {
    const feed = this.feeds.find((entry) => String(entry.n) === urlOrNumber || entry.url === urlOrNumber);
    if (!feed) return undefined;
    this.feeds = this.feeds.filter((entry) => entry !== feed);
    return { title: feed.title, url: feed.url };
  }

  async channelFeeds(): Promise<ChannelFeed[]> {
    return this.feeds;
  }
}

function context(feeds: FeedFollowing, mayChangeFeeds = true): FeedCommandContext {
  const channel = { platform: "slack" as const, teamId: "T1", channelId: "C1", userId: "U1" };
  return {
    feeds,
    channel,
    channelKey: "slack:T1:C1",
    requester: { ...channel, responseUrl: "https://hooks.slack.com/commands/1" },
    jobId: "slack-cmd-1",
    mayChangeFeeds,
    whoMayChange: "the admins",
    now: () => 1_000,
  };
}

describe("feed commands in chat", () => {
  it("are told apart from questions", () => {
    expect(splitFeedCommand("follow https://news.example/feed.xml")).toEqual({
      name: "follow",
      argument: "https://news.example/feed.xml",
    });
    expect(splitFeedCommand("follow news.example")).toEqual({ name: "follow", argument: "news.example" });
    expect(splitFeedCommand("unfollow 2")).toEqual({ name: "unfollow", argument: "2" });
    expect(splitFeedCommand("feeds")).toEqual({ name: "feeds", argument: "" });
    expect(splitFeedCommand("follow the money in the harbour deal")).toBeUndefined();
    expect(splitFeedCommand("feeds about the harbour?")).toBeUndefined();
    expect(splitFeedCommand("add up the costs")).toBeUndefined();
  });

  it("queue a follow for the worker and say so", async () => {
    const feeds = new RecordingFeeds();
    const reply = await handleFeedCommand(
      { name: "follow", argument: "news.example/feed.xml" },
      context(feeds),
    );
    expect(reply).toMatch(/Looking for the feed at https:\/\/news\.example\/feed\.xml/);
    expect(feeds.requests).toEqual([
      expect.objectContaining({
        kind: "follow",
        url: "https://news.example/feed.xml",
        channelKey: "slack:T1:C1",
      }),
    ]);
    expect(
      await handleFeedCommand({ name: "follow", argument: "news.example/feed.xml" }, context(feeds)),
    ).toMatch(/already on its way/);
  });

  it("refuse changes to those who may not make them, and still list", async () => {
    const feeds = new RecordingFeeds();
    feeds.feeds = [
      {
        n: 1,
        url: "https://news.example/feed.xml",
        title: "News",
        status: "failing",
        lastError: "HTTP 500.",
      },
    ];
    const refused = await handleFeedCommand({ name: "unfollow", argument: "1" }, context(feeds, false));
    expect(refused).toMatch(/Only the admins may change/);
    const listed = await handleFeedCommand({ name: "feeds", argument: "" }, context(feeds, false));
    expect(listed).toMatch(/1\. News \(https:\/\/news\.example\/feed\.xml\): failing: HTTP 500\./);
    expect(await handleFeedCommand({ name: "unfollow", argument: "1" }, context(feeds))).toMatch(
      /no longer follows "News"/,
    );
  });

  it("refuse what is not a web address", async () => {
    const reply = await handleFeedCommand(
      { name: "add", argument: "ftp://news.example/x" },
      context(new RecordingFeeds()),
    );
    expect(reply).toBe("That is not a web address (http or https).");
  });

  it("in Slack, only SLACK_ADMIN_USERS may follow when it is set", async () => {
    const feeds = new RecordingFeeds();
    const acks: string[] = [];
    const command = (userId: string): IncomingSlashCommand => ({
      triggerId: `trigger-${userId}`,
      teamId: "T1",
      channelId: "C1",
      userId,
      text: "follow <https://news.example/feed.xml|news.example/feed.xml>",
      responseUrl: "https://hooks.slack.com/commands/1",
      ack: async (reply) => void acks.push(reply.text),
      respond: async () => {},
    });
    const dependencies = {
      questions: new MemoryQuestionQueue(),
      articleCount: () => 0,
      now: () => 1_000,
      log: () => {},
      feeds,
      adminUsers: ["UADMIN"],
    };
    await handleSlashCommand(command("UREADER"), dependencies);
    await handleSlashCommand(command("UADMIN"), dependencies);
    expect(acks[0]).toMatch(/Only the people listed in SLACK_ADMIN_USERS/);
    expect(acks[1]).toMatch(/Looking for the feed/);
    expect(feeds.requests.map((request) => [request.url, request.requestedBy.userId])).toEqual([
      ["https://news.example/feed.xml", "UADMIN"],
    ]);
  });

  it("in Discord, only members with Manage Channels may follow; the reply is private", async () => {
    const feeds = new RecordingFeeds();
    const replies: string[] = [];
    const deferrals: Array<boolean | undefined> = [];
    const command = (id: string, canManageChannel: boolean): IncomingBriefCommand => ({
      id,
      applicationId: "A1",
      token: "token",
      channelId: "100",
      guildId: "200",
      userId: "300",
      question: "",
      follow: "https://news.example/feed.xml",
      canManageChannel,
      deferReply: async (options) => void deferrals.push(options?.ephemeral),
      editReply: async (payload) => void replies.push(String(payload.content)),
    });
    const dependencies = {
      botName: "Briefbot",
      questions: new MemoryQuestionQueue(),
      feeds,
      now: () => 1_000,
      log: () => {},
    };
    expect(await handleBriefCommand(command("1", false), dependencies)).toBe("feeds");
    expect(await handleBriefCommand(command("2", true), dependencies)).toBe("feeds");
    expect(deferrals).toEqual([true, true]);
    expect(replies[0]).toMatch(/Only members with the Manage Channels permission/);
    expect(replies[1]).toMatch(/Looking for the feed/);
    expect(feeds.requests).toEqual([
      expect.objectContaining({ jobId: "discord-int-2", channelKey: "discord:200:100", kind: "follow" }),
    ]);
  });
});
