import type { DeliveryRecord, DigestPost, Platform, Replier, ReplyTarget } from "../../src/core/chat.ts";
import type { BriefingError } from "../../src/core/errors.ts";
import type { Answer } from "../../src/core/types.ts";

/**
 * A Replier of our own port that records what it posts, in two parts per answer, and can be told to fail.
 * Platform behaviour is tested against the real clients and loopback fakes; this one tests the queue.
 */
export class RecordingReplier implements Replier {
  readonly platform: Platform = "slack";
  readonly posted: Array<{ jobKey: string; part: number; text: string }> = [];
  readonly failures: string[] = [];
  /** Errors thrown before posting the given part, consumed in order. */
  readonly plannedErrors: Array<{ beforePart: number; error: BriefingError }> = [];

  async deliverAnswer(
    target: ReplyTarget,
    answer: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    const parts = [answer.bullets.slice(0, 2), answer.bullets.slice(2)].map((bullets) =>
      bullets.map((b) => b.text).join("\n"),
    );
    const record: DeliveryRecord = alreadyPosted ?? { platform: "slack", messageIds: [], partsPosted: 0 };
    for (let part = record.partsPosted; part < parts.length; part++) {
      const planned = this.plannedErrors[0];
      if (planned && planned.beforePart === part) {
        this.plannedErrors.shift();
        throw planned.error;
      }
      this.posted.push({ jobKey: `${target.channelId}:${answer.question}`, part, text: parts[part] ?? "" });
      record.messageIds.push(`m${this.posted.length}`);
      record.partsPosted = part + 1;
      await onPosted({ ...record, messageIds: [...record.messageIds] });
    }
    return record;
  }

  readonly digests: Array<{ channelId: string; post: DigestPost }> = [];

  async deliverDigest(
    target: ReplyTarget,
    post: DigestPost,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    if (alreadyPosted && alreadyPosted.partsPosted > 0) return alreadyPosted;
    this.digests.push({ channelId: target.channelId, post });
    const record: DeliveryRecord = {
      platform: "slack",
      messageIds: [`d${this.digests.length}`],
      partsPosted: 1,
    };
    await onPosted(record);
    return record;
  }

  readonly progress: string[] = [];

  async showProgress(
    _target: ReplyTarget,
    text: string,
    alreadyPosted: DeliveryRecord | undefined,
  ): Promise<DeliveryRecord> {
    this.progress.push(text);
    return { platform: "slack", messageIds: [], partsPosted: 0, ...alreadyPosted, placeholderId: "p1" };
  }

  async notifyFailure(_target: ReplyTarget, message: string): Promise<void> {
    this.failures.push(message);
  }
}
