import pc from "picocolors";
import type { Digest, Summary } from "../core/digest/index.ts";
import type { ExtractedArticle } from "../core/ingest/extract/extract-article.ts";
import { madeByLines, storySummaryBy } from "../core/made-by.ts";
import { citationMarker, citationMarkers, sourceTitle } from "../core/source-line.ts";
import type { Answer, Article, SearchHit, Source } from "../core/types.ts";
import type { FeedListing } from "../flows/ingest/manage-feeds.ts";
import type { PollRun } from "../flows/ingest/poll-due-feeds.ts";

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

export function palette(enabled: boolean): Palette {
  return pc.createColors(enabled);
}

const PASSAGE_PREVIEW = 240;

function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1).trimEnd()}…`;
}

function sourceLine(source: Source, colors: Palette): string {
  const facts = [source.source, source.published, source.language].filter(Boolean).join(" · ");
  const head = `${colors.cyan(citationMarker(source.n))} ${colors.bold(sourceTitle(source))}${facts ? colors.dim(` (${facts})`) : ""}`;
  const url = source.url ? `\n    ${colors.dim(source.url)}` : "";
  return `${head}${url}\n    ${colors.dim(`“${shorten(source.quote ?? source.passage, PASSAGE_PREVIEW)}”`)}`;
}

/** Who wrote the bullets, and the note on how the answer was made, under them. */
function footnotes(made: { model?: string; note?: string }, colors: Palette): string {
  const lines = madeByLines(made);
  return lines.length > 0 ? `\n${colors.dim(lines.join("\n"))}` : "";
}

function citedLine(text: string, citations: readonly number[], colors: Palette): string {
  return `• ${text} ${colors.cyan(citationMarkers(citations))}`;
}

export function renderAnswer(answer: Answer, colors: Palette): string {
  if (answer.status === "no_evidence")
    return `${colors.yellow("No answer in the articles.")} ${answer.message ?? ""}${footnotes(answer, colors)}`;
  const bullets = answer.bullets.map((bullet) => citedLine(bullet.text, bullet.citations, colors));
  const sources = answer.sources.map((source) => sourceLine(source, colors));
  return `${bullets.join("\n")}${footnotes(answer, colors)}\n\n${colors.bold("Sources")}\n${sources.join("\n")}`;
}

export function renderHits(query: string, hits: readonly SearchHit[], colors: Palette): string {
  if (hits.length === 0) return colors.yellow(`No passage matches "${query}".`);
  return hits
    .map(
      (hit, index) =>
        `${colors.cyan(`${index + 1}.`)} ${colors.bold(hit.passageId)} ${colors.dim(hit.score.toFixed(3))}\n   ${shorten(hit.text, 300)}`,
    )
    .join("\n");
}

export function renderArticles(articles: readonly Article[], colors: Palette): string {
  if (articles.length === 0) return colors.yellow("No articles.");
  const lines = articles.map((article) => {
    const facts = [article.source, article.published, article.language].filter(Boolean).join(" · ");
    return `${colors.bold(article.id)}  ${article.title}${facts ? colors.dim(`  (${facts})`) : ""}`;
  });
  return `${lines.join("\n")}\n${colors.dim(`${articles.length} article${articles.length === 1 ? "" : "s"}`)}`;
}

export function renderSummary(summary: Summary & { model?: string; note?: string }, colors: Palette): string {
  if (summary.sentences.length === 0)
    return `${colors.yellow("Nothing to summarize.")}${summary.message ? ` ${summary.message}` : ""}`;
  const lines = summary.sentences.map((sentence) => citedLine(sentence.text, sentence.citations, colors));
  const sources = summary.sources.map((source) => sourceLine(source, colors));
  return `${lines.join("\n")}${footnotes(summary, colors)}\n\n${colors.bold("Sources")}\n${sources.join("\n")}`;
}

export function renderDigest(digest: Digest & { note?: string }, colors: Palette): string {
  if (digest.stories.length === 0) return colors.yellow("No new articles: nothing to digest.");
  const stories = digest.stories.map((story, index) => {
    const byModel = story.model ? ` · ${storySummaryBy(story.model)}` : "";
    const facts = `${story.sourceCount} source${story.sourceCount === 1 ? "" : "s"} · ${story.languages.join(", ")}${byModel}`;
    const lines = story.summary.map((sentence) => citedLine(sentence.text, sentence.citations, colors));
    const sources = story.sources.map((source) => {
      const about = [source.source, source.published, source.language].filter(Boolean).join(" · ");
      return `  ${colors.cyan(citationMarker(source.n))} ${sourceTitle(source)}${about ? colors.dim(` (${about})`) : ""}`;
    });
    return `${colors.bold(`${index + 1}. ${story.headline}`)} ${colors.dim(facts)}\n${lines.join("\n")}\n${sources.join("\n")}`;
  });
  const count = `${digest.stories.length} stor${digest.stories.length === 1 ? "y" : "ies"} from ${digest.articleCount} article${digest.articleCount === 1 ? "" : "s"}`;
  return `${colors.dim(count)}${footnotes(digest, colors)}\n\n${stories.join("\n\n")}`;
}

/** `feeds list`: one feed a line, its status, counts and the last error of a failing one. */
export function renderFeeds(feeds: readonly FeedListing[], colors: Palette): string {
  if (feeds.length === 0) return "No feeds are followed. Add one with: briefbot feeds add <url>";
  return feeds
    .map((feed) => {
      const status =
        feed.status === "failing"
          ? colors.yellow("failing")
          : feed.status === "ok"
            ? colors.green("ok")
            : "new";
      const polled = feed.lastPolled ? `, polled ${feed.lastPolled}` : "";
      const counts = `${feed.articles} article(s), ${feed.channels} channel(s)${polled}`;
      const error = feed.lastError ? `\n    ${colors.yellow(feed.lastError)}` : "";
      return `${colors.bold(feed.title)} [${status}]\n    ${colors.dim(feed.url)}\n    ${colors.dim(counts)}${error}`;
    })
    .join("\n");
}

/** `poll`: what the run did, and each feed that failed. */
export function renderPollRun(run: PollRun, colors: Palette): string {
  const head = `Polled ${run.polled} feed(s): ${run.newArticles} new article(s), ${run.updatedArticles} updated, ${run.notModified} not modified.`;
  const failures = run.failed.map((failure) => colors.yellow(`  failed: ${failure.url}: ${failure.error}`));
  return [head, ...failures].join("\n");
}

/** `briefbot extract`: the title, what is known of the article, then its text. */
export function renderExtracted(article: ExtractedArticle, colors: Palette): string {
  const facts = [article.source, article.author, article.published, article.language].filter(Boolean);
  return [
    colors.bold(article.title ?? "(no title)"),
    colors.dim([facts.join(" · "), article.url].filter(Boolean).join("\n")),
    "",
    article.text || colors.yellow("(no article text found)"),
  ].join("\n");
}
