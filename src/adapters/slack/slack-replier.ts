import type { WebClient } from "@slack/web-api";
import type { DeliveryRecord, ReplyTarget, SlackTarget } from "../../core/chat.ts";
import { BriefingError } from "../../core/errors.ts";
import type { Answer } from "../../core/types.ts";
import type { PartPoster } from "../../flows/deliver/deliver-parts.ts";
import { resumedRecord } from "../../flows/deliver/delivery-record.ts";
import type { NoticeWay } from "../../flows/deliver/failure-notice.ts";
import { PartsReplier } from "../../flows/deliver/parts-replier.ts";
import type { PlaceholderPoster } from "../../flows/deliver/progress-placeholder.ts";
import type { SlackMessage } from "./blocks.ts";
import { ChannelPacer } from "./channel-pacer.ts";
import type { SlackLog } from "./log.ts";
import { renderSlackAnswer, renderSlackProgress, renderSlackText } from "./render-answer.ts";
import { renderSlackDigest } from "./render-digest.ts";
import { postToResponseUrl } from "./response-url.ts";
import { slackError, slackErrorCode } from "./slack-errors.ts";
import {
  type AssistantTarget,
  appendChunks,
  isAssistantTarget,
  replaceStream,
  type StreamCalls,
  streamAnswer,
} from "./slack-stream.ts";
import { renderStreamedAnswer } from "./slack-stream-render.ts";
import { createSlackWebClient, logRateLimits } from "./slack-web-client.ts";

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

/** Slack message metadata naming the job and part a message is: how a re-run finds what it posted. */
const PART_EVENT = "briefbot_part";
/** Stands for an assistant thread's status line, which shows progress there instead of a placeholder message. */
const STATUS_PLACEHOLDER = "assistant_status";
/** The part number of a progress placeholder. */
const PLACEHOLDER_PART = -1;
/** Messages read when looking for a part: a crashed job's messages are among a channel's latest. */
const LOOKUP_LIMIT = 200;

// A type, not an interface: Slack's metadata payload type needs an index signature.
type PartTag = { job: string; part: number };

function partTag(jobId: string | undefined, part: number): PartTag | undefined {
  return jobId === undefined ? undefined : { job: jobId, part };
}

/** Once a job has used the response_url it keeps to it. */
function usesResponseUrl(posted: Readonly<DeliveryRecord>): boolean {
  return posted.messageIds.some((id) => id.startsWith(RESPONSE_URL_ID));
}

/**
 * Posts answers with chat.postMessage (in the thread when the target has one), falling back to the slash
 * command's response_url where the bot is not a member. The shared delivery flow records each part as soon as
 * it is posted and resumes after the last recorded one.
 */
export class SlackReplier extends PartsReplier<SlackMessage, SlackTarget> {
  readonly platform = "slack" as const;
  readonly #client: WebClient;
  readonly #pacer: ChannelPacer;
  readonly #responseUrlTimeoutMs: number;
  readonly #log: SlackLog;
  /** The chunks each stream (by ts) shows of an answer still being written: what its final answer must extend. */
  readonly #drafted = new Map<string, string[]>();

  constructor(options: SlackReplierOptions) {
    const log = options.log ?? (() => {});
    super(
      {
        answer: renderSlackAnswer,
        digest: renderSlackDigest,
        progress: renderSlackProgress,
        notice: renderSlackText,
      },
      log,
    );
    this.#client = createSlackWebClient(options.token, options.apiUrl);
    logRateLimits(this.#client, log);
    this.#pacer = new ChannelPacer(options.channelIntervalMs ?? 1_000);
    this.#responseUrlTimeoutMs = options.responseUrlTimeoutMs ?? 10_000;
    this.#log = log;
    const postAnswer = this.deliverAnswer;
    // An assistant thread's answer is streamed (only the delivered, verified bullets); any other is posted.
    this.deliverAnswer = async (target, answer, alreadyPosted, onPosted, jobId) =>
      isAssistantTarget(target)
        ? await this.#streamAnswer(target, answer, alreadyPosted, onPosted, jobId)
        : await postAnswer(target, answer, alreadyPosted, onPosted, jobId);
  }

  async #streamAnswer(
    target: AssistantTarget,
    answer: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
    jobId: string | undefined,
  ): Promise<DeliveryRecord> {
    const streamed = renderStreamedAnswer(answer, jobId);
    const calls = this.#streamCalls(target, jobId, streamed.chunks.length);
    const ts = alreadyPosted?.messageIds[0];
    const drafted = ts === undefined ? undefined : this.#drafted.get(ts);
    if (ts !== undefined) this.#drafted.delete(ts);
    // The bullets shown while the model wrote are the final answer's first ones (the usual case): the stream
    // goes on with the rest. Else (bullets merged, the whole answer fell back) its message is rewritten.
    const continues =
      drafted === undefined ||
      (alreadyPosted?.partsPosted === drafted.length &&
        drafted.every((chunk, index) => streamed.chunks[index] === chunk));
    if (alreadyPosted !== undefined && !continues) {
      this.#log("slack_stream_replaced", { channelId: target.channelId, ts, drafted: drafted?.length });
      return await replaceStream(target, streamed, alreadyPosted, onPosted, calls);
    }
    return await streamAnswer(target, streamed, alreadyPosted, onPosted, calls);
  }

  #streamCalls(target: AssistantTarget, jobId: string | undefined, stopPart: number): StreamCalls {
    return {
      client: this.#client,
      log: this.#log,
      ...(jobId === undefined
        ? {}
        : {
            tag: { event_type: PART_EVENT, event_payload: { job: jobId, part: stopPart } },
            findFinished: () => this.#findTagged(target, jobId, stopPart),
          }),
    };
  }

  showsDrafts(target: ReplyTarget): boolean {
    return isAssistantTarget(target);
  }

  /**
   * The verified bullets so far, streamed into the assistant thread: those not streamed yet are appended. When
   * one already streamed has changed (a later duplicate merged its citations into it), nothing more is
   * appended: the final answer settles it.
   */
  async showDraft(
    target: ReplyTarget,
    answerSoFar: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    jobId?: string,
  ): Promise<DeliveryRecord> {
    const record = resumedRecord("slack", alreadyPosted);
    if (!isAssistantTarget(target)) return record;
    const { chunks } = renderStreamedAnswer(answerSoFar, jobId);
    const ts = record.messageIds[0];
    const shown = ts === undefined ? [] : (this.#drafted.get(ts) ?? []);
    if (shown.length !== record.partsPosted || !shown.every((chunk, index) => chunks[index] === chunk))
      return record;
    const remember = async () => {
      const streamTs = record.messageIds[0];
      if (streamTs !== undefined) this.#drafted.set(streamTs, chunks.slice(0, record.partsPosted));
    };
    try {
      await appendChunks(target, chunks, record, remember, this.#streamCalls(target, jobId, 0));
    } catch (error) {
      // What was streamed before the failure stays recorded: the final answer continues (or replaces) it.
      this.#log("slack_draft_failed", {
        channelId: target.channelId,
        partsPosted: record.partsPosted,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return record;
  }

  /** In an assistant thread, progress is the thread's status line ("Searching the articles…"). */
  override async showProgress(
    target: ReplyTarget,
    text: string,
    alreadyPosted: DeliveryRecord | undefined,
    jobId?: string,
  ): Promise<DeliveryRecord> {
    if (!isAssistantTarget(target)) return await super.showProgress(target, text, alreadyPosted, jobId);
    const record: DeliveryRecord = {
      platform: "slack",
      messageIds: [...(alreadyPosted?.messageIds ?? [])],
      partsPosted: alreadyPosted?.partsPosted ?? 0,
    };
    if (record.partsPosted > 0) return record;
    try {
      await this.#setStatus(target, text);
      return { ...record, placeholderId: STATUS_PLACEHOLDER };
    } catch (error) {
      // No status (the thread is not an assistant one after all, or the scope is missing): no progress then.
      this.#log("slack_status_failed", {
        channelId: target.channelId,
        error: slackError(error, "assistant.threads.setStatus").message,
      });
      return record;
    }
  }

  /** In an assistant thread the asker alone reads the thread: the notice is a message there, which also ends the status. */
  override async notifyFailure(
    target: ReplyTarget,
    text: string,
    alreadyPosted?: DeliveryRecord,
  ): Promise<void> {
    if (!isAssistantTarget(target)) return await super.notifyFailure(target, text, alreadyPosted);
    try {
      await this.#postMessage(target, renderSlackText(text));
    } catch (error) {
      this.#log("slack_notify_failed", {
        channelId: target.channelId,
        error: slackError(error, "chat.postMessage").message,
      });
    }
  }

  async #setStatus(target: AssistantTarget, status: string): Promise<void> {
    await this.#client.assistant.threads.setStatus({
      channel_id: target.channelId,
      thread_ts: target.threadTs,
      status,
    });
  }

  protected partPoster(slack: SlackTarget, jobId?: string): PartPoster<SlackMessage> {
    return {
      platform: "slack",
      // A private answer's parts are ephemeral (response_url): no channel history holds them to be found.
      ...(jobId === undefined || slack.private
        ? {}
        : { find: (index: number) => this.#findTagged(slack, jobId, index) }),
      replacePlaceholder: async (ts, message) => {
        await this.#update(slack, ts, message);
        return ts;
      },
      placeholderGone: (error) => {
        const code = error instanceof BriefingError ? slackErrorCode(error.cause) : undefined;
        return code !== undefined && PLACEHOLDER_GONE.has(code);
      },
      post: (message, index, posted) =>
        this.#postPart(slack, message, index, slack.private === true || usesResponseUrl(posted), jobId),
    };
  }

  protected placeholderPoster(slack: SlackTarget, jobId?: string): PlaceholderPoster<SlackMessage> {
    return {
      platform: "slack",
      ...(jobId === undefined || slack.private
        ? {}
        : { findPlaceholder: () => this.#findTagged(slack, jobId, PLACEHOLDER_PART) }),
      postPlaceholder: async (progress) => {
        // A private answer goes through the response_url, which cannot be edited into it: no placeholder.
        if (slack.private) return undefined;
        try {
          const ts = await this.#postMessage(slack, progress, partTag(jobId, PLACEHOLDER_PART));
          // Without its ts the placeholder cannot be edited: no progress then, and the answer is posted anew.
          return ts === POSTED_WITHOUT_TS ? undefined : ts;
        } catch (error) {
          const code = slackErrorCode(error);
          // Not a member: the answer will go through the response_url, which cannot be edited into it.
          if (code && NOT_A_MEMBER.has(code)) return undefined;
          throw slackError(error, "chat.postMessage");
        }
      },
      editPlaceholder: (ts, progress) => this.#update(slack, ts, progress),
    };
  }

  protected noticeWays(slack: SlackTarget, message: SlackMessage): Array<NoticeWay | undefined> {
    const responseUrl = slack.responseUrl;
    const ephemeral = { ...message, response_type: "ephemeral" as const };
    return [
      // Most likely to fail when used up (5 uses) or expired (30 minutes): then an ephemeral message.
      responseUrl
        ? {
            via: "response_url",
            tell: () => postToResponseUrl(responseUrl, ephemeral, this.#responseUrlTimeoutMs),
          }
        : undefined,
      { tell: () => this.#postEphemeral(slack, message) },
    ];
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

  async #postPart(
    target: SlackTarget,
    message: SlackMessage,
    part: number,
    viaResponseUrl: boolean,
    jobId: string | undefined,
  ) {
    if (!viaResponseUrl) {
      try {
        return await this.#postMessage(target, message, partTag(jobId, part));
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
      { ...message, response_type: target.private ? "ephemeral" : "in_channel" },
      this.#responseUrlTimeoutMs,
    );
    return `${RESPONSE_URL_ID}${part}`;
  }

  async #postMessage(target: SlackTarget, message: SlackMessage, tag?: PartTag): Promise<string> {
    await this.#pacer.wait(target.channelId);
    const result = await this.#client.chat.postMessage({
      channel: target.channelId,
      ...message,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      ...(tag ? { metadata: { event_type: PART_EVENT, event_payload: tag } } : {}),
      // No link previews of the sources, and no parsing of names into mentions: only our own <url|[n]> links.
      unfurl_links: false,
      unfurl_media: false,
      parse: "none",
      link_names: false,
    });
    // ok:true means it was posted: record it even without a ts, so a re-run does not post it again.
    return result.ts ?? POSTED_WITHOUT_TS;
  }

  /**
   * The ts of the message an earlier attempt of the job posted as `part`, found by its metadata among the
   * thread's replies or the channel's latest messages (one call); undefined when absent or when Slack cannot
   * be asked (missing history scope): then the part is posted, as before this check existed.
   */
  async #findTagged(target: SlackTarget, jobId: string, part: number): Promise<string | undefined> {
    try {
      const page = target.threadTs
        ? await this.#client.conversations.replies({
            channel: target.channelId,
            ts: target.threadTs,
            include_all_metadata: true,
            limit: LOOKUP_LIMIT,
          })
        : await this.#client.conversations.history({
            channel: target.channelId,
            include_all_metadata: true,
            limit: LOOKUP_LIMIT,
          });
      const found = page.messages?.find((message) => {
        const metadata = message.metadata;
        const payload = metadata?.event_payload as Partial<PartTag> | undefined;
        return metadata?.event_type === PART_EVENT && payload?.job === jobId && payload.part === part;
      });
      if (found?.ts) this.#log("slack_part_found", { jobId, part, ts: found.ts });
      return found?.ts;
    } catch (error) {
      this.#log("slack_lookup_failed", {
        jobId,
        part,
        error: slackError(error, "conversations.history").message,
      });
      return undefined;
    }
  }

  async #postEphemeral(target: SlackTarget, message: SlackMessage): Promise<void> {
    await this.#client.chat.postEphemeral({
      channel: target.channelId,
      user: target.userId,
      ...message,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    });
  }
}
