import { z } from "zod";
import { type ScopeStore, visibleCollections } from "../../core/channel-scope.ts";
import type { DeliveryLog, DigestPost, DigestRun, Replier, SubscriptionStore } from "../../core/chat.ts";
import { isVisible } from "../../core/collections.ts";
import { BriefingError } from "../../core/errors.ts";
import { INTERFACE_LANGUAGES, type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import type { Log } from "../../core/log.ts";
import type { ArticleStore } from "../../core/ports.ts";
import {
  describeInstant,
  isScheduledRun,
  localTime,
  type Subscription,
} from "../../core/subscriptions/index.ts";
import type { ModelAnswering } from "../model/model-answering.ts";
import { writeDigest } from "./digest-writer.ts";
import { articlesOnTopicIn } from "./topic-articles.ts";

/** A new subscription's first digest covers what arrived this long before it was made. */
export const FIRST_DIGEST_LOOKBACK_MS = 24 * 3600 * 1000;
const LOCK_MS = 5 * 60 * 1000;

export interface PostDigestDependencies {
  store: ArticleStore;
  subscriptions: SubscriptionStore;
  repliers: Partial<Record<string, Replier>>;
  deliveries: DeliveryLog;
  /** `scope add` grants: what a channel sees besides `shared` and its own collection. */
  scopes?: Pick<ScopeStore, "granted"> | undefined;
  /** BRIEFBOT_SHARED: whether chat sees the `shared` collection (default true). */
  sharedVisible?: boolean | undefined;
  /** When set, story summaries are written by the model (verified); otherwise they are extractive. */
  modelAnswering?: ModelAnswering | undefined;
  log: Log;
}

/** What one digest run posts, computed once per job so a re-run after a crash posts the same. */
interface DigestPlan {
  post: DigestPost;
  /** The store sequence this digest covers up to: the subscription's cursor once it is posted. */
  coverTo: number;
  /** Nothing new and the subscription is quiet: post nothing, still move on. */
  silent: boolean;
}

/** A stored plan's shape, checked when a retried job reads it back (the stories' insides are the renderers' concern). */
const digestPlanSchema = z.looseObject({
  post: z.looseObject({
    digest: z.looseObject({ stories: z.array(z.unknown()) }),
    title: z.string(),
  }),
  coverTo: z.number(),
  silent: z.boolean(),
}) as unknown as z.ZodType<DigestPlan>;

function skip(log: Log, run: DigestRun, reason: string): void {
  log("digest_skipped", { jobId: run.request.jobId, subscriptionId: run.request.subscriptionId, reason });
}

/** The framing's language: the one most of the digest's articles are in, among English, Dutch and French. */
function framingLanguage(languages: readonly string[]): InterfaceLanguage {
  const counts = new Map<InterfaceLanguage, number>();
  for (const language of languages) {
    if ((INTERFACE_LANGUAGES as readonly string[]).includes(language)) {
      const known = language as InterfaceLanguage;
      counts.set(known, (counts.get(known) ?? 0) + 1);
    }
  }
  let best: InterfaceLanguage = "en";
  for (const [language, count] of counts) if (count > (counts.get(best) ?? 0)) best = language;
  return best;
}

async function planDigest(
  subscription: Subscription,
  dependencies: PostDigestDependencies,
  attempt: number,
): Promise<DigestPlan> {
  const progress = await dependencies.subscriptions.progress(subscription.id);
  const changes = await dependencies.store.changesSince(progress.cursor);
  const visible = await visibleCollections(
    subscription.target,
    dependencies.scopes,
    dependencies.sharedVisible ?? true,
  );
  const seen = changes.upserts.filter(({ article }) => isVisible(article, visible));
  const articles = articlesOnTopicIn(seen, subscription.topic);
  const language = framingLanguage(seen.map(({ article }) => article.language));
  const { digest, note } = await writeDigest(
    articles,
    dependencies.modelAnswering,
    { attempt, language },
    dependencies.log,
  );
  const sinceInstant = progress.lastPostedAt ?? subscription.createdAt - FIRST_DIGEST_LOOKBACK_MS;
  const since = describeInstant(sinceInstant, subscription.schedule.timeZone);
  const empty = digest.stories.length === 0;
  const topic = subscription.topic;
  const notice = topic
    ? message(language, "noNewArticlesAboutSince", topic, since)
    : message(language, "noNewArticlesSince", since);
  return {
    post: {
      digest,
      title: topic ? message(language, "topicDigest", topic) : message(language, "dailyDigest"),
      since,
      ...(empty ? { notice } : {}),
      ...(note ? { note } : {}),
      language,
    },
    coverTo: changes.sequence,
    silent: empty && subscription.quiet,
  };
}

/**
 * One digest run: skip what is not this subscription's own run or was already posted today; otherwise cover
 * the articles that arrived since the last posted digest, post them (resuming after a crash), move the cursor.
 */
export async function postDigest(
  run: DigestRun,
  dependencies: PostDigestDependencies,
  attempt = 1,
): Promise<void> {
  const { request } = run;
  const { subscriptions, deliveries, log } = dependencies;
  const subscription = await subscriptions.get(request.subscriptionId);
  if (!subscription) return skip(log, run, "no subscription");
  const scheduledDate =
    request.kind === "scheduled" ? localTime(run.runAt, subscription.schedule.timeZone).date : undefined;
  if (request.kind === "scheduled") {
    if (run.version !== subscription.version) return skip(log, run, "replaced schedule");
    if (!isScheduledRun(run.runAt, subscription.schedule)) return skip(log, run, "not a scheduled time");
  }
  const replier = dependencies.repliers[subscription.target.platform];
  if (!replier) {
    throw new BriefingError(
      "CONFIG_INVALID",
      `This worker has no ${subscription.target.platform} credentials`,
      { userText: true },
    );
  }
  if (!(await subscriptions.lock(subscription.id, request.jobId, LOCK_MS))) {
    throw new BriefingError("BUSY", "Another digest for this channel is being posted", { userText: true });
  }
  try {
    const already = await deliveries.get(request.jobId);
    if (!already && scheduledDate !== undefined) {
      const progress = await subscriptions.progress(subscription.id);
      if (progress.lastScheduledDate === scheduledDate) return skip(log, run, "already posted today");
    }
    const plan = await deliveries.computedOnce(
      request.jobId,
      "digest",
      () => planDigest(subscription, dependencies, attempt),
      digestPlanSchema,
    );
    let record = already;
    if (!already?.complete && !plan.silent) {
      record = {
        ...(await replier.deliverDigest(
          subscription.target,
          plan.post,
          already,
          async (progress) => {
            await deliveries.record(request.jobId, { ...progress, complete: false });
          },
          request.jobId,
        )),
        complete: true,
      };
    }
    await deliveries.record(request.jobId, {
      platform: subscription.target.platform,
      messageIds: record?.messageIds ?? [],
      partsPosted: record?.partsPosted ?? 0,
      complete: true,
    });
    // A scheduled digest stands for its scheduled time, even when it ran late (after downtime).
    await subscriptions.advance(subscription.id, plan.coverTo, run.runAt, scheduledDate);
    log("digest_posted", {
      jobId: request.jobId,
      subscriptionId: subscription.id,
      stories: plan.post.digest.stories.length,
      articles: plan.post.digest.articleCount,
      silent: plan.silent,
    });
  } finally {
    await subscriptions.unlock(subscription.id, request.jobId);
  }
}

/** Tells whoever asked for `digest now` that it failed; scheduled runs are logged (there is no one to tell). */
export async function reportDigestFailure(
  run: DigestRun,
  error: BriefingError,
  dependencies: PostDigestDependencies,
): Promise<void> {
  dependencies.log("digest_gave_up", {
    jobId: run.request.jobId,
    code: error.code,
    error: error.detailedMessage(),
  });
  const target = run.request.requestedBy;
  if (!target || !(await dependencies.deliveries.claimFailureNotice(run.request.jobId))) return;
  const language = run.request.language ?? "en";
  await dependencies.repliers[target.platform]?.notifyFailure(
    target,
    message(language, "digestPostFailed", error.userMessage(language)),
  );
}
