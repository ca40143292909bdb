import { type ScopeStore, visibleCollections } from "../../core/channel-scope.ts";
import type {
  AskRequest,
  ConversationMemory,
  DeliveryLog,
  DeliveryRecord,
  Platform,
  Replier,
} from "../../core/chat.ts";
import { BriefingError } from "../../core/errors.ts";
import type { FeedbackStore } from "../../core/feedback/index.ts";
import { interfaceLanguage } from "../../core/i18n/interface-language.ts";
import { message } from "../../core/i18n/messages.ts";
import type { Library } from "../../core/library.ts";
import type { Log } from "../../core/log.ts";
import type { ArticleStore, Embedder } from "../../core/ports.ts";
import type { Answer } from "../../core/types.ts";
import { DraftStream } from "../deliver/draft-stream.ts";
import { ProgressMessage } from "../deliver/progress-message.ts";
import { answeredQuestion } from "../feedback/answered-question.ts";
import { logIndexSynced, logVectorFailure, syncLibrary } from "../ingest/sync-library.ts";
import type { AnswerEngine } from "./answer-engine.ts";
import { earlierAnswerArticles, rememberAnswerArticles } from "./conversation-answers.ts";
import { questionInContext } from "./follow-up.ts";

export interface AnswerQuestionDependencies {
  library: Library;
  store: ArticleStore | undefined;
  repliers: Partial<Record<Platform, Replier>>;
  deliveries: DeliveryLog;
  engine: AnswerEngine;
  embedder?: Embedder | undefined;
  /** `scope add` grants: what a channel sees besides `shared` and its own collection. */
  scopes?: Pick<ScopeStore, "granted"> | undefined;
  /** BRIEFBOT_SHARED: whether chat sees the `shared` collection (default true). */
  sharedVisible?: boolean | undefined;
  /** Where votes on the answer will find its question, sources and place; no 👍/👎 recording without it. */
  feedback?: FeedbackStore | undefined;
  /** The conversations' turns: a follow-up leans on the articles the earlier answer cited; answers are recorded. */
  memory?: ConversationMemory | undefined;
  log: Log;
}

function replierFor(request: AskRequest, repliers: AnswerQuestionDependencies["repliers"]): Replier {
  const replier = repliers[request.target.platform];
  if (!replier) {
    throw new BriefingError(
      "CONFIG_INVALID",
      `This worker has no ${request.target.platform} credentials configured`,
      { userText: true },
    );
  }
  return replier;
}

async function compute(
  request: AskRequest,
  attempt: number,
  dependencies: AnswerQuestionDependencies,
  progress: ProgressMessage | undefined,
  draft?: DraftStream,
): Promise<Answer> {
  const context = {
    attempt,
    ...(progress ? { onProgress: (text: string) => progress.show(text) } : {}),
    ...(draft ? { onAnswerSoFar: (answer: Answer) => draft.show(answer) } : {}),
  };
  const scope = {
    visible: await visibleCollections(
      request.target,
      dependencies.scopes,
      dependencies.sharedVisible ?? true,
    ),
  };
  if (request.mode === "summarize")
    return await dependencies.engine.summarize(request.question, context, scope);
  const preferredArticles = await earlierAnswerArticles(request, dependencies.memory, dependencies.log);
  return await dependencies.engine.answer(
    questionInContext(request.question, request.previousQuestion),
    context,
    preferredArticles.length > 0 ? { ...scope, preferredArticles } : scope,
  );
}

/**
 * One job: catch up with the store, answer (once per job: a re-run posts the stored answer), post what has not
 * been posted yet. A model-written answer first shows progress in a placeholder that its first part replaces.
 */
export async function runAskJob(
  request: AskRequest,
  dependencies: AnswerQuestionDependencies,
  attempt = 1,
): Promise<void> {
  const startedAt = Date.now();
  const { deliveries } = dependencies;
  const replier = replierFor(request, dependencies.repliers);
  const already = await deliveries.get(request.jobId);
  if (already?.complete) return;
  const save = async (record: DeliveryRecord) => {
    await deliveries.record(request.jobId, { ...record, complete: false });
  };
  const progress = dependencies.engine.usesModel
    ? new ProgressMessage({
        replier,
        target: request.target,
        jobId: request.jobId,
        record: already,
        save,
        log: dependencies.log,
      })
    : undefined;
  // Where the platform shows answers as they are written, verified bullets are shown as they pass; not on a
  // re-run that already started showing the answer.
  const draft =
    progress && !already?.partsPosted && DraftStream.supported(replier, request.target)
      ? new DraftStream({
          replier,
          target: request.target,
          jobId: request.jobId,
          begin: () => progress.settle(),
          save,
          log: dependencies.log,
        })
      : undefined;
  // Recorded before a placeholder is posted: a re-run after a crash then looks for it instead of posting another.
  if (progress && !already) await save({ platform: request.target.platform, messageIds: [], partsPosted: 0 });
  // Before syncing: after a large ingest, embedding what is new can take a while.
  if (!already?.partsPosted) progress?.show(message(interfaceLanguage(request.question), "starting"));
  let answer: Answer;
  const answerStartedAt = Date.now();
  try {
    const syncedBefore = dependencies.library.syncedSequence;
    const synced = await syncLibrary(dependencies.library, dependencies.store, dependencies.embedder);
    logVectorFailure(synced, dependencies.log);
    logIndexSynced(dependencies.library, syncedBefore, dependencies.log);
    answer = await deliveries.answerFor(request.jobId, () =>
      compute(request, attempt, dependencies, progress, draft),
    );
  } catch (error) {
    await draft?.settle();
    await progress?.settle({ flush: true });
    throw error;
  }
  const drafted = await draft?.settle();
  const posted = drafted ?? (await progress?.settle()) ?? already;
  const shown = request.mode === "summarize" ? answer : { ...answer, question: request.question };
  await dependencies.feedback?.rememberAnswer(
    answeredQuestion(request.jobId, request.question, answer, request.target, Date.now()),
  );
  const answeredAt = Date.now();
  const record = await replier.deliverAnswer(request.target, shown, posted, save, request.jobId);
  await deliveries.record(request.jobId, { ...record, complete: true });
  await rememberAnswerArticles(request, answer, dependencies.memory, dependencies.log);
  dependencies.log("answer_posted", {
    jobId: request.jobId,
    platform: request.target.platform,
    channel: request.target.channelId,
    question: request.question,
    outcome: answer.status,
    attempt,
    queueWaitMs: Math.max(0, startedAt - request.requestedAt),
    answerMs: answeredAt - answerStartedAt,
    postMs: Date.now() - answeredAt,
  });
}

/** Tells the asker, once per job, that the question could not be answered. */
export async function reportAskFailure(
  request: AskRequest,
  error: BriefingError,
  dependencies: Pick<AnswerQuestionDependencies, "repliers" | "deliveries">,
): Promise<void> {
  if (!(await dependencies.deliveries.claimFailureNotice(request.jobId))) return;
  const replier = dependencies.repliers[request.target.platform];
  const speaking = interfaceLanguage(request.question);
  const reason =
    error.code === "INVALID_QUESTION"
      ? error.userMessage(speaking)
      : `${error.userMessage(speaking)} ${message(speaking, "tryAgainInAMinute")}`;
  const posted = await dependencies.deliveries.get(request.jobId).catch(() => undefined);
  await replier?.notifyFailure(
    request.target,
    message(speaking, "couldNotAnswer", request.question.slice(0, 200), reason),
    posted,
  );
}
