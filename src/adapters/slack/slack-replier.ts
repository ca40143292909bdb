import type { WebClient } from "@slack/web-api";
import type { DeliveryRecord, DigestPost, Replier, ReplyTarget, SlackTarget } from "../../core/chat.ts";
import { BriefingError } from "../../core/errors.ts";
import type { Answer } from "../../core/types.ts";
import type { SlackMessage } from "./blocks.ts";
import { ChannelPacer } from "./channel-pacer.ts";
import { errorText, type SlackLog } from "./log.ts";
import { renderSlackAnswer, renderSlackProgress, renderSlackText } from "./render-answer.ts";
import { renderSlackDigest } from "./render-digest.ts";
import { postToResponseUrl } from "./response-url.ts";
import { slackError, slackErrorCode } from "./slack-errors.ts";
import { createSlackWebClient } from "./slack-web-client.ts";

export interface SlackReplierOptions {
  /** The bot token (xoxb-…). */
  token: string;
  /** Slack's Web API base URL; a loopback fake in tests. */
  apiUrl?: string;
  /** Least time between two posts to one channel from this process; Slack allows about one a second. */
  channelIntervalMs?: number;
  responseUrlTimeoutMs?: number;
  log?: SlackLog;
}

/** Errors that mean the bot cannot post in the channel (not a member, private channel, DM). */
const NOT_A_MEMBER = new Set(["not_in_channel", "channel_not_found"]);
/** Stands for a part posted through the response_url, which returns no message ts. */
const RESPONSE_URL_ID = "response_url#";
/** Stands for a message Slack accepted without telling its ts. */
const POSTED_WITHOUT_TS = "posted-without-ts";
/** chat.update errors that mean the placeholder is gone (deleted by a user, too old): post anew instead. */
const PLACEHOLDER_GONE = new Set(["message_not_found", "cant_update_message", "edit_window_closed"]);

function recordFrom(alreadyPosted: DeliveryRecord | undefined): DeliveryRecord {
  return {
    platform: "slack",
    messageIds: [...(alreadyPosted?.messageIds ?? [])],
    partsPosted: alreadyPosted?.partsPosted ?? 0,
    ...(alreadyPosted?.placeholderId ? { placeholderId: alreadyPosted.placeholderId } : {}),
  };
}

function slackTarget(target: ReplyTarget): SlackTarget {
  if (target.platform !== "slack") {
    throw new BriefingError("INTERNAL", `The Slack replier got a ${target.platform} target`);
  }
  return target;
}

/**
 * Posts answers with chat.postMessage (in the thread when the target has one), falling back to the slash
 * command's response_url where the bot is not a member. Each part is recorded as soon as it is posted, and a
 * re-run resumes after the last recorded part; once a job has used the response_url it keeps to it.
 */
export class SlackReplier implements Replier {
  readonly platform = "slack" as const;
  readonly #client: WebClient;
  readonly #pacer: ChannelPacer;
  readonly #responseUrlTimeoutMs: number;
  readonly #log: SlackLog;

  constructor(options: SlackReplierOptions) {
    this.#client = createSlackWebClient(options.token, options.apiUrl);
    this.#pacer = new ChannelPacer(options.channelIntervalMs ?? 1_000);
    this.#responseUrlTimeoutMs = options.responseUrlTimeoutMs ?? 10_000;
    this.#log = options.log ?? (() => {});
  }

  async deliverAnswer(
    target: ReplyTarget,
    answer: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    return await this.#deliverParts(slackTarget(target), renderSlackAnswer(answer), alreadyPosted, onPosted);
  }

  async deliverDigest(
    target: ReplyTarget,
    digest: DigestPost,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    return await this.#deliverParts(slackTarget(target), renderSlackDigest(digest), alreadyPosted, onPosted);
  }

  async #deliverParts(
    slack: SlackTarget,
    parts: readonly SlackMessage[],
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    const record = recordFrom(alreadyPosted);
    for (let part = record.partsPosted; part < parts.length; part++) {
      const message = parts[part];
      if (!message) break;
      const usesResponseUrl = record.messageIds.some((id) => id.startsWith(RESPONSE_URL_ID));
      const placeholder = part === 0 ? record.placeholderId : undefined;
      const id =
        (placeholder && (await this.#replacePlaceholder(slack, placeholder, message))) ||
        (await this.#postPart(slack, message, part, usesResponseUrl));
      record.messageIds.push(id);
      record.partsPosted = part + 1;
      await onPosted({ ...record, messageIds: [...record.messageIds] });
    }
    return record;
  }

  async showProgress(
    target: ReplyTarget,
    text: string,
    alreadyPosted: DeliveryRecord | undefined,
  ): Promise<DeliveryRecord> {
    const slack = slackTarget(target);
    const record = recordFrom(alreadyPosted);
    if (record.partsPosted > 0) return record;
    const message = renderSlackProgress(text);
    if (record.placeholderId) {
      await this.#update(slack, record.placeholderId, message);
      return record;
    }
    try {
      const ts = await this.#postMessage(slack, message);
      // Without its ts the placeholder cannot be edited: no progress then, and the answer is posted anew.
      return ts === POSTED_WITHOUT_TS ? record : { ...record, placeholderId: ts };
    } catch (error) {
      const code = slackErrorCode(error);
      // Not a member: the answer will go through the response_url, which cannot be edited into it.
      if (code && NOT_A_MEMBER.has(code)) return record;
      throw slackError(error, "chat.postMessage");
    }
  }

  async notifyFailure(target: ReplyTarget, text: string, alreadyPosted?: DeliveryRecord): Promise<void> {
    const message = renderSlackText(text);
    try {
      const slack = slackTarget(target);
      if (alreadyPosted?.placeholderId && alreadyPosted.partsPosted === 0) {
        try {
          await this.#update(slack, alreadyPosted.placeholderId, message);
          return;
        } catch (error) {
          this.#log("slack_notify_failed", {
            channelId: slack.channelId,
            via: "placeholder",
            error: errorText(error),
          });
        }
      }
      if (slack.responseUrl) {
        try {
          await postToResponseUrl(
            slack.responseUrl,
            { ...message, response_type: "ephemeral" },
            this.#responseUrlTimeoutMs,
          );
          return;
        } catch (error) {
          // Most likely used up (5 uses) or expired (30 minutes): try an ephemeral message instead.
          this.#log("slack_notify_failed", {
            channelId: slack.channelId,
            via: "response_url",
            error: errorText(error),
          });
        }
      }
      await this.#client.chat.postEphemeral({
        channel: slack.channelId,
        user: slack.userId,
        ...message,
        ...(slack.threadTs ? { thread_ts: slack.threadTs } : {}),
      });
    } catch (error) {
      this.#log("slack_notify_failed", { channelId: target.channelId, error: errorText(error) });
    }
  }

  /** The placeholder's ts once it shows `message`; undefined when it is gone and the part must be posted anew. */
  async #replacePlaceholder(
    target: SlackTarget,
    ts: string,
    message: SlackMessage,
  ): Promise<string | undefined> {
    try {
      await this.#update(target, ts, message);
      return ts;
    } catch (error) {
      const code = error instanceof BriefingError ? slackErrorCode(error.cause) : undefined;
      if (code && PLACEHOLDER_GONE.has(code)) return undefined;
      throw error;
    }
  }

  async #update(target: SlackTarget, ts: string, message: SlackMessage): Promise<void> {
    try {
      await this.#client.chat.update({
        channel: target.channelId,
        ts,
        ...message,
        parse: "none",
        link_names: false,
      });
    } catch (error) {
      throw slackError(error, "chat.update");
    }
  }

  async #postPart(target: SlackTarget, message: SlackMessage, part: number, usesResponseUrl: boolean) {
    if (!usesResponseUrl) {
      try {
        return await this.#postMessage(target, message);
      } catch (error) {
        const code = slackErrorCode(error);
        if (!(code && NOT_A_MEMBER.has(code) && target.responseUrl))
          throw slackError(error, "chat.postMessage");
        this.#log("slack_post_via_response_url", { channelId: target.channelId, reason: code });
      }
    }
    if (!target.responseUrl) {
      throw new BriefingError(
        "PLATFORM_REJECTED",
        "This answer can only be posted through a response_url, and there is none",
      );
    }
    await postToResponseUrl(
      target.responseUrl,
      { ...message, response_type: "in_channel" },
      this.#responseUrlTimeoutMs,
    );
    return `${RESPONSE_URL_ID}${part}`;
  }

  async #postMessage(target: SlackTarget, message: SlackMessage): Promise<string> {
    await this.#pacer.wait(target.channelId);
    const result = await this.#client.chat.postMessage({
      channel: target.channelId,
      ...message,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      // No link previews of the sources, and no parsing of names into mentions: only our own <url|[n]> links.
      unfurl_links: false,
      unfurl_media: false,
      parse: "none",
      link_names: false,
    });
    // ok:true means it was posted: record it even without a ts, so a re-run does not post it again.
    return result.ts ?? POSTED_WITHOUT_TS;
  }
}
