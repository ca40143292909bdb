import { describe, expect, it } from "vitest";
import { clusterStories, composeDigest, summarizeArticles } from "../../../src/core/digest/index.ts";
import { parseDocument } from "../../../src/core/ingest/index.ts";
import type { IngestedArticle } from "../../../src/core/types.ts";
import { citationProblems, seedArticles, squash, textArticle } from "./helpers.ts";

interface Item {
  id: string;
  title: string;
  text: string;
  published?: string;
  language?: string;
}

function jsonl(items: readonly Item[]): IngestedArticle[] {
  const lines = items.map((item) => JSON.stringify({ language: "en", ...item })).join("\n");
  return parseDocument({ name: "items.jsonl", content: new TextEncoder().encode(lines) }).articles;
}

const ids = (stories: IngestedArticle[][]) =>
  stories
    .map((story) => story.map(({ article }) => article.id).sort())
    .sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));

/** The same two companies twice: a merger talk in March, a completed merger in November. */
const MERGER_TALKS = [
  {
    id: "talks-a",
    published: "2021-03-02",
    title: "Northwind and Contoso in merger talks",
    text: "Northwind Traders and Contoso Ltd confirmed on Tuesday that they are in early talks about a merger. Contoso chief executive Maria Lopez said no decision had been taken. Shares of Northwind rose 8 percent in Frankfurt.",
  },
  {
    id: "talks-b",
    published: "2021-03-03",
    title: "Contoso confirms talks with Northwind",
    text: "Contoso Ltd said it is in preliminary merger talks with Northwind Traders, a day after Northwind shares jumped 8 percent in Frankfurt. Maria Lopez, who leads Contoso, said the talks could still fail.",
  },
];
const MERGER_DONE = [
  {
    id: "done-a",
    published: "2021-11-15",
    title: "Northwind and Contoso complete merger",
    text: "Northwind Traders and Contoso Ltd completed their merger on Monday, creating a group with 40,000 employees. Maria Lopez of Contoso becomes chief executive of the combined company, and Northwind shares will be delisted in Frankfurt.",
  },
  {
    id: "done-b",
    published: "2021-11-16",
    title: "Contoso and Northwind finish their merger",
    text: "The merger of Contoso Ltd and Northwind Traders closed on Monday. The combined group has 40,000 employees and Maria Lopez will lead it; Northwind shares leave the Frankfurt exchange this week.",
  },
];

describe("stories are events: the same parties months apart make two stories", () => {
  it("splits two dated events about the same parties and keeps each event's coverage over two days together", () => {
    const stories = clusterStories(jsonl([...MERGER_TALKS, ...MERGER_DONE]));
    expect(ids(stories)).toEqual([
      ["done-a", "done-b"],
      ["talks-a", "talks-b"],
    ]);
  });

  it("joins them when the span allows it, and places an undated article with the event its content matches", () => {
    expect(clusterStories(jsonl([...MERGER_TALKS, ...MERGER_DONE]), { maxSpanDays: 365 })).toHaveLength(1);
    const undated = {
      id: "done-undated",
      title: "Merger of Contoso and Northwind is complete",
      text: "Contoso Ltd and Northwind Traders have completed their merger: the group counts 40,000 employees, Maria Lopez is its chief executive and Northwind shares are delisted in Frankfurt.",
    };
    const stories = clusterStories(jsonl([...MERGER_TALKS, ...MERGER_DONE, undated]));
    expect(ids(stories)).toEqual([
      ["done-a", "done-b", "done-undated"],
      ["talks-a", "talks-b"],
    ]);
  });

  it("digests the seeds as two events, each cited in two languages, the 2014 one with its three-year term", () => {
    const digest = composeDigest(seedArticles());
    expect(digest.stories).toHaveLength(2);
    for (const story of digest.stories) {
      expect(citationProblems(story.summary, story.sources)).toEqual([]);
      const cited = new Set(
        story.summary.flatMap((sentence) => sentence.citations.map((n) => story.sources[n - 1]?.language)),
      );
      expect(cited.size).toBeGreaterThanOrEqual(2);
    }
    const later = digest.stories.find((story) => story.latest === "2014-09-30");
    expect(later?.sourceCount).toBe(2);
    expect(later?.summary.map((sentence) => sentence.text).join(" ")).toMatch(
      /three years|three-year|driejarig|drie jaar/iu,
    );
    const earlier = digest.stories.find((story) => story !== later);
    expect(earlier?.sourceCount).toBe(3);
    expect(earlier?.languages).toEqual(["en", "fr"]);
  });
});

describe("sources are articles in digests and summaries", () => {
  it("lists a one-article story's article once, even when its sentences come from several passages", () => {
    const paragraphs = [
      "The harbour of Vlissingen reopened on Friday after a storm closed it for three days, the port authority said.",
      "Ferries to Breskens resumed their timetable on Saturday morning, operator Westerschelde Ferry announced.",
      "Fishermen counted damage to twelve boats moored at the inner harbour during the storm.",
      "Engineers from Rijkswaterstaat inspected the sea wall and found two sections that need repair before winter.",
    ];
    const [article] = textArticle(
      "harbour.txt",
      `Vlissingen harbour reopens\n\n${paragraphs.join("\n\n".repeat(1))}`,
    );
    if (!article) throw new Error("no article");
    const digest = composeDigest([article], { maxSentences: 3, words: 200 });
    const story = digest.stories[0];
    expect(story?.sources).toHaveLength(1);
    expect(story?.summary.every((sentence) => sentence.citations.join() === "1")).toBe(true);
    expect(citationProblems(story?.summary ?? [], story?.sources ?? [])).toEqual([]);
    const text = squash(story?.sources[0]?.passage ?? "");
    expect(squash(article.article.text)).toContain(text);
  });

  it("summarizes a topic from the sentences that mention it", () => {
    const summary = summarizeArticles(seedArticles(), { topic: "training", maxSentences: 5 });
    expect(summary.sentences.length).toBeGreaterThan(0);
    for (const sentence of summary.sentences) expect(sentence.text).toMatch(/train/iu);
    expect(citationProblems(summary.sentences, summary.sources)).toEqual([]);
    expect(summarizeArticles(seedArticles(), { topic: "blockchain" }).sentences).toEqual([]);
  });
});
