import type { DeliveryRecord, DigestPost, Replier, ReplyTarget } from "../../core/chat.ts";
import type { Answer } from "../../core/types.ts";
import { deliverParts, type PartPoster } from "./deliver-parts.ts";
import { type NoticeWay, tellFirstWay, unansweredPlaceholder } from "./failure-notice.ts";
import { targetOn } from "./platform-target.ts";
import { type PlaceholderPoster, showProgressIn } from "./progress-placeholder.ts";

/** How a platform renders what it posts; answers and digests as one part a message. */
export interface PartRenderers<Part> {
  /** With `jobId`, the last part carries 👍/👎 buttons naming it. */
  answer(answer: Answer, jobId?: string): readonly Part[];
  digest(digest: DigestPost): readonly Part[];
  /** A placeholder's line of progress. */
  progress(text: string): Part;
  /** A failure told to the asker. */
  notice(text: string): Part;
}

export type DeliveryLogLine = (event: string, fields: Record<string, unknown>) => void;

/**
 * A Replier made of a platform's renderers and calls: answers and digests are rendered into parts and posted by
 * the shared resumable, recorded delivery; progress placeholders and failure notices follow the shared rules.
 * A target of another platform is refused (INTERNAL) before anything is posted.
 */
export abstract class PartsReplier<Part, Target extends ReplyTarget> implements Replier {
  abstract readonly platform: Target["platform"];
  readonly #render: PartRenderers<Part>;
  readonly #log: DeliveryLogLine;

  constructor(render: PartRenderers<Part>, log: DeliveryLogLine) {
    this.#render = render;
    this.#log = log;
  }

  /** `jobId`, when given, tags what is posted so that a re-run can find it (PartPoster.find). */
  protected abstract partPoster(target: Target, jobId?: string): PartPoster<Part>;
  protected abstract placeholderPoster(target: Target, jobId?: string): PlaceholderPoster<Part>;
  /** The platform's ways to tell the asker about a failure when there is no placeholder for it, best first. */
  protected abstract noticeWays(target: Target, notice: Part): ReadonlyArray<NoticeWay | undefined>;

  deliverAnswer: Replier["deliverAnswer"] = async (target, answer, alreadyPosted, onPosted, jobId) =>
    await this.#deliver(target, () => this.#render.answer(answer, jobId), alreadyPosted, onPosted, jobId);

  deliverDigest: Replier["deliverDigest"] = async (target, digest, alreadyPosted, onPosted, jobId) =>
    await this.#deliver(target, () => this.#render.digest(digest), alreadyPosted, onPosted, jobId);

  async showProgress(
    target: ReplyTarget,
    text: string,
    alreadyPosted: DeliveryRecord | undefined,
    jobId?: string,
  ): Promise<DeliveryRecord> {
    const poster = this.placeholderPoster(this.#own(target), jobId);
    return await showProgressIn(poster, this.#render.progress(text), alreadyPosted);
  }

  async notifyFailure(target: ReplyTarget, text: string, alreadyPosted?: DeliveryRecord): Promise<void> {
    const notice = this.#render.notice(text);
    await tellFirstWay(
      () => {
        const own = this.#own(target);
        const placeholder = unansweredPlaceholder(alreadyPosted);
        const inPlaceholder = placeholder
          ? {
              via: "placeholder",
              tell: () => this.placeholderPoster(own).editPlaceholder(placeholder, notice),
            }
          : undefined;
        return [inPlaceholder, ...this.noticeWays(own, notice)];
      },
      (error, via) =>
        this.#log(`${this.platform}_notify_failed`, {
          channelId: target.channelId,
          ...(via ? { via } : {}),
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  }

  #own(target: ReplyTarget): Target {
    return targetOn<Target>(this.platform, target);
  }

  async #deliver(
    target: ReplyTarget,
    render: () => readonly Part[],
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
    jobId: string | undefined,
  ): Promise<DeliveryRecord> {
    const poster = this.partPoster(this.#own(target), jobId);
    return await deliverParts(poster, render(), alreadyPosted, onPosted);
  }
}
