import type { AskRequest, Platform, Replier } from "../core/chat.ts";
import { BriefingError } from "../core/errors.ts";
import type { Library } from "../core/library.ts";
import type { ArticleStore } from "../core/ports.ts";
import type { RedisDeliveryLog } from "../store/redis-delivery-log.ts";
import { questionInContext } from "./follow-up.ts";
import { summarizeTopic } from "./summarize-topic.ts";
import { syncLibrary } from "./sync-library.ts";

export interface AnswerQuestionDependencies {
  library: Library;
  store: ArticleStore | undefined;
  repliers: Partial<Record<Platform, Replier>>;
  deliveries: RedisDeliveryLog;
}

function replierFor(request: AskRequest, repliers: AnswerQuestionDependencies["repliers"]): Replier {
  const replier = repliers[request.target.platform];
  if (!replier) {
    throw new BriefingError(
      "CONFIG_INVALID",
      `This worker has no ${request.target.platform} credentials configured`,
    );
  }
  return replier;
}

/** One job: catch up with the store, answer (once per job), post what has not been posted yet. */
export async function answerQuestion(
  request: AskRequest,
  dependencies: AnswerQuestionDependencies,
): Promise<void> {
  const { deliveries } = dependencies;
  const replier = replierFor(request, dependencies.repliers);
  const already = await deliveries.get(request.jobId);
  if (already?.complete) return;
  await syncLibrary(dependencies.library, dependencies.store);
  const answer = await deliveries.answerFor(request.jobId, () =>
    request.mode === "summarize"
      ? summarizeTopic(dependencies.library, request.question)
      : dependencies.library.ask(questionInContext(request.question, request.previousQuestion)),
  );
  const shown = request.mode === "summarize" ? answer : { ...answer, question: request.question };
  const record = await replier.deliverAnswer(request.target, shown, already, async (progress) => {
    await deliveries.record(request.jobId, { ...progress, complete: false });
  });
  await deliveries.record(request.jobId, { ...record, complete: true });
}

/** Tells the asker, once per job, that the question could not be answered. */
export async function reportFailure(
  request: AskRequest,
  error: BriefingError,
  dependencies: AnswerQuestionDependencies,
): Promise<void> {
  if (!(await dependencies.deliveries.claimFailureNotice(request.jobId))) return;
  const replier = dependencies.repliers[request.target.platform];
  const reason =
    error.code === "INVALID_QUESTION"
      ? error.userMessage()
      : `${error.userMessage()} Please try again in a minute.`;
  await replier?.notifyFailure(
    request.target,
    `Sorry, I could not answer "${request.question.slice(0, 200)}". ${reason}`,
  );
}
