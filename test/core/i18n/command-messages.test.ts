import { describe, expect, it } from "vitest";
import { validateQuestion } from "../../../src/core/answer/question.ts";
import { grantableCollection } from "../../../src/core/channel-scope.ts";
import type { FeedRequest, Replier, ReplyTarget } from "../../../src/core/chat.ts";
import { BriefingError } from "../../../src/core/errors.ts";
import { webUrl } from "../../../src/core/feeds/web-url.ts";
import { parseDigestCommand } from "../../../src/core/subscriptions/index.ts";
import { failingFeedText } from "../../../src/flows/ingest/failing-feed-notice.ts";
import { reportFeedRequestFailure } from "../../../src/flows/ingest/follow-feed.ts";
import { digestRequestSchema } from "../../../src/queue/digest-job-schema.ts";
import { feedRequestSchema } from "../../../src/queue/feed-job-schema.ts";

const channel: ReplyTarget = { platform: "slack", teamId: "T1", channelId: "C1", userId: "U1" };

function thrown(run: () => unknown): BriefingError {
  try {
    run();
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("errors a chat command can cause, in the asker's language", () => {
  it("says digest, collection, address and question mistakes from the catalogue, English unchanged", () => {
    const time = thrown(() => parseDigestCommand("daily 25:00 UTC"));
    expect(time.userMessage()).toMatch(/^"25:00" is not a time of day: .* Use `digest daily 08:00/u);
    expect(time.userMessage("fr")).toMatch(
      /^« 25:00 » n'est pas une heure de la journée .* Utilisez `digest daily/u,
    );
    expect(time.userMessage("nl")).toMatch(/^"25:00" is geen tijdstip: .* Gebruik `digest daily/u);
    const foreign = thrown(() => grantableCollection("slack:t9other:news", channel));
    expect(foreign.userMessage()).toBe(
      '"slack:t9other:news" belongs to another workspace or server: it cannot be granted here.',
    );
    expect(foreign.userMessage("nl")).toBe(
      '"slack:t9other:news" hoort bij een andere workspace of server: het kan hier niet worden toegekend.',
    );
    expect(thrown(() => grantableCollection("shared", channel)).userMessage("fr")).toContain(
      "c'est l'opérateur qui décide",
    );
    expect(thrown(() => webUrl("ftp://x.example/feed")).userMessage("nl")).toBe(
      "Dat is geen webadres (http of https).",
    );
    expect(thrown(() => validateQuestion(" ")).userMessage("fr")).toMatch(/^La question est vide/u);
    expect(thrown(() => validateQuestion("x".repeat(5_000))).userMessage("nl")).toMatch(
      /^De vraag is 5\.000 tekens lang/u,
    );
  });

  it("puts the code's short text before an English text in no catalogue, keeping its detail", () => {
    const fetchFailed = new BriefingError("FETCH_FAILED", "x", { userText: "news.example answered 503" });
    expect(fetchFailed.userMessage()).toBe("news.example answered 503.");
    expect(fetchFailed.userMessage("nl")).toMatch(
      /^De site was nu niet bereikbaar\. news\.example answered 503\.$/u,
    );
  });
});

describe("what the feed worker tells the asker, in the language stored with the request", () => {
  const request: FeedRequest = {
    jobId: "feed-1",
    kind: "follow",
    url: "https://news.example/feed.xml",
    channel,
    channelKey: "slack:T1:C1",
    requestedBy: channel,
    requestedAt: 0,
  };

  it("reads jobs queued before the language existed, and keeps it when given", () => {
    expect(feedRequestSchema.parse(request).language).toBeUndefined();
    expect(feedRequestSchema.parse({ ...request, language: "fr" }).language).toBe("fr");
    const digest = { jobId: "d-1", subscriptionId: "s-1", kind: "now", requestedAt: 0 };
    expect(digestRequestSchema.parse(digest).language).toBeUndefined();
    expect(digestRequestSchema.parse({ ...digest, language: "nl" }).language).toBe("nl");
  });

  it("says a failed follow in French and English, naming the URL", async () => {
    const told: string[] = [];
    const replier = { notifyFailure: async (_target, text) => void told.push(text) } as Pick<
      Replier,
      "notifyFailure"
    > as Replier;
    const error = new BriefingError("NOT_FOUND", "no feed", { userText: "No feed here" });
    await reportFeedRequestFailure({ ...request, language: "fr" }, error, { repliers: { slack: replier } });
    await reportFeedRequestFailure(request, error, { repliers: { slack: replier } });
    expect(told[0]).toBe(
      "Désolé, je n'ai pas pu suivre https://news.example/feed.xml : Introuvable. No feed here.",
    );
    expect(told[1]).toBe("Sorry, I could not follow https://news.example/feed.xml: No feed here.");
  });

  it("tells a Dutch follower that its feed keeps failing, with the feed's address", () => {
    const feed = {
      url: "https://news.example/feed.xml",
      title: "News",
      format: "rss",
      addedAt: 0,
      addedFrom: "chat",
      state: {},
    } as unknown as Parameters<typeof failingFeedText>[0];
    const error = new BriefingError("FETCH_FAILED", "503");
    expect(failingFeedText(feed, error, "nl")).toBe(
      'De feed "News" (https://news.example/feed.xml) werkt al een dag niet: De site was nu niet bereikbaar. Briefbot blijft het proberen. `unfollow https://news.example/feed.xml` stopt het volgen.',
    );
    expect(failingFeedText(feed, error)).toMatch(/^The feed "News" .* has not worked for a day: /u);
  });
});
