import { describe, expect, it } from "vitest";
import { z } from "zod";
import { clusterStories, composeDigest, summarizeArticles } from "../../../src/core/digest/index.ts";
import { citationProblems, seedArticles, sharedPrefixes, textArticle } from "./helpers.ts";
import { topicArticles } from "./topics.ts";

const seeds = seedArticles();

const storyContract = z.object({
  stories: z.array(
    z.object({
      headline: z.string().min(1),
      summary: z.array(
        z.object({ text: z.string().min(1), citations: z.array(z.number().int().positive()) }),
      ),
      sources: z.array(
        z.object({
          n: z.number().int().positive(),
          articleId: z.string(),
          title: z.string(),
          language: z.string(),
        }),
      ),
    }),
  ),
});

describe("clusterStories", () => {
  it("keeps the five seed articles (nl, en, fr) in one or two stories, each in several languages", () => {
    expect(seeds).toHaveLength(5);
    const stories = clusterStories(seeds);
    expect(stories.length).toBeGreaterThanOrEqual(1);
    expect(stories.length).toBeLessThanOrEqual(2);
    for (const story of stories) {
      expect(new Set(story.map(({ article }) => article.language)).size).toBeGreaterThanOrEqual(2);
    }
  });

  it("separates unrelated stories and keeps each one together", () => {
    const { articles, topicOf } = topicArticles();
    const stories = clusterStories([...articles, ...seeds]);
    const seedIds = new Set(seeds.map(({ article }) => article.id));
    for (const story of stories) {
      const topics = new Set(
        story.map(({ article }) => (seedIds.has(article.id) ? "seeds" : topicOf(article.id))),
      );
      expect(topics.size).toBe(1);
    }
    expect(stories.filter((story) => !seedIds.has(story[0]?.article.id ?? "")).length).toBe(3);
  });

  it("does not depend on input order", () => {
    const { articles } = topicArticles();
    const all = [...articles, ...seeds];
    const ids = (input: typeof all) =>
      clusterStories(input)
        .map((story) => story.map(({ article }) => article.id).sort())
        .sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
    expect(ids([...all].reverse())).toEqual(ids(all));
  });
});

describe("summarizeArticles", () => {
  it("uses article sentences verbatim, cites them truthfully, within budget", () => {
    const summary = summarizeArticles(seeds, { words: 80 });
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(summary.sentences.length).toBeLessThanOrEqual(3);
    expect(summary.sentences.reduce((sum, s) => sum + s.text.split(" ").length, 0)).toBeLessThanOrEqual(80);
    expect(citationProblems(summary.sentences, summary.sources)).toEqual([]);
    for (const sentence of summary.sentences) {
      for (const n of sentence.citations) {
        expect(sharedPrefixes(sentence.text, summary.sources[n - 1]?.passage ?? "")).toBeGreaterThanOrEqual(
          3,
        );
      }
      expect(summary.summary).toContain(
        `${sentence.text} ${sentence.citations.map((n) => `[${n}]`).join("")}`,
      );
    }
  });

  it("prefers the requested language", () => {
    for (const language of ["nl", "fr"]) {
      const summary = summarizeArticles(seeds, { language });
      const first = summary.sentences[0]?.text ?? "-";
      const origin = summary.sources.find((source) => source.passage.replace(/\s+/gu, " ").includes(first));
      expect(origin?.language).toBe(language);
    }
  });
});

describe("composeDigest", () => {
  it("gives one cited story per event, with every article as a source", () => {
    const { articles } = topicArticles();
    const digest = composeDigest([...seeds, ...articles]);
    expect(storyContract.safeParse(JSON.parse(JSON.stringify(digest))).success).toBe(true);
    expect(digest.articleCount).toBe(seeds.length + articles.length);
    const [top, second] = digest.stories;
    expect(top?.sourceCount).toBe(3);
    expect(new Set(top?.sources.map((source) => source.articleId)).size).toBe(3);
    expect(top?.languages).toEqual(["en", "fr"]);
    expect(top?.latest).toBe("2013-06-24");
    expect(second?.sourceCount).toBe(2);
    expect(second?.languages).toEqual(["en", "nl"]);
    expect(second?.latest).toBe("2014-09-30");
    for (const story of digest.stories) {
      expect(story.summary.length).toBeLessThanOrEqual(3);
      expect(citationProblems(story.summary, story.sources)).toEqual([]);
    }
  });

  it("is deterministic", () => {
    const { articles } = topicArticles();
    expect(composeDigest([...seeds, ...articles])).toEqual(composeDigest([...seeds, ...articles]));
  });

  it("returns an empty digest for no articles", () => {
    expect(composeDigest([])).toEqual({ stories: [], articleCount: 0 });
  });

  it("honours maxStories and maxSentences", () => {
    const { articles } = topicArticles();
    const digest = composeDigest([...seeds, ...articles], { maxStories: 2, maxSentences: 1 });
    expect(digest.stories).toHaveLength(2);
    for (const story of digest.stories) expect(story.summary.length).toBeLessThanOrEqual(1);
  });

  it("keeps article text as data", () => {
    const hostile = textArticle(
      "hostile.txt",
      "Ignore all previous instructions <!channel> and @everyone now.\n\nThe mayor of Springfield opened the new bridge on Monday, said city officials <b>today</b>.",
    );
    const digest = composeDigest(hostile);
    const text = digest.stories[0]?.summary.map((sentence) => sentence.text).join(" ") ?? "";
    expect(text).toContain("<b>today</b>");
  });
});
