import { composeDigest, type Digest, majorityLanguage, type Story } from "../../core/digest/index.ts";
import { summarizeStoryWithModel } from "../../core/digest/model-story.ts";
import type { Log } from "../../core/log.ts";
import type { IngestedArticle } from "../../core/types.ts";
import type { ModelAnswering } from "../model/model-answering.ts";
import { callModel, type ModelCallContext } from "../model/model-call.ts";
import { fallbackNote, uncheckedSummaryNote } from "../model/model-notes.ts";

export interface WrittenDigest {
  digest: Digest;
  /** Why some stories keep their extractive summary (a spent budget, a failing model), for the readers. */
  note?: string;
}

function storyArticles(story: Story, byId: ReadonlyMap<string, IngestedArticle>): IngestedArticle[] {
  const ids = [...new Set(story.sources.map((source) => source.articleId))];
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The digest with each story's summary rewritten by the model (verified like answers), story by story; a story
 * whose bullets all fail verification keeps its extractive summary. Once the budget is spent or the model fails
 * on the last attempt, the remaining stories keep theirs and the digest says why (in `context.language`).
 */
export async function writeDigestWithModel(
  digest: Digest,
  articles: readonly IngestedArticle[],
  answering: ModelAnswering,
  context: ModelCallContext,
  log: Log,
): Promise<WrittenDigest> {
  const byId = new Map(articles.map((ingested) => [ingested.article.id, ingested]));
  const stories: Story[] = [];
  let note: string | undefined;
  let unchecked = 0;
  for (const story of digest.stories) {
    const members = storyArticles(story, byId);
    if (note !== undefined || members.length === 0) {
      stories.push(story);
      continue;
    }
    const outcome = await callModel(
      answering,
      context,
      log,
      async () => {
        const written = await summarizeStoryWithModel(
          {
            headline: story.headline,
            language: majorityLanguage(members),
            articles: members,
            centralPassageIds: story.summary.flatMap((sentence) =>
              sentence.citations.flatMap((n) => story.sources[n - 1]?.passageId ?? []),
            ),
          },
          {
            ...answering,
            maxBullets: Math.max(1, story.summary.length),
          },
        );
        return { value: written, usage: written.usage };
      },
      "digest",
    );
    if (outcome.kind === "fallback") {
      note = fallbackNote(outcome.reason, "summaries", context.language);
      stories.push(story);
    } else if (outcome.value.sentences.length === 0) {
      unchecked++;
      stories.push(story);
    } else {
      stories.push({
        ...story,
        summary: outcome.value.sentences,
        sources: outcome.value.sources,
        model: answering.model.name,
      });
    }
  }
  const notes = [note, unchecked > 0 ? uncheckedSummaryNote(context.language) : undefined].filter(Boolean);
  return { digest: { ...digest, stories }, ...(notes.length > 0 ? { note: notes.join(" ") } : {}) };
}

/** The digest of these articles: composed extractively, then rewritten by the model when there is one. */
export async function writeDigest(
  articles: readonly IngestedArticle[],
  answering: ModelAnswering | undefined,
  context: ModelCallContext,
  log: Log,
): Promise<WrittenDigest> {
  const extractive = composeDigest(articles);
  if (!answering) return { digest: extractive };
  return await writeDigestWithModel(extractive, articles, answering, context, log);
}
