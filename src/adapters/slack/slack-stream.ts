import type { WebClient } from "@slack/web-api";
import type { DeliveryRecord, SlackTarget } from "../../core/chat.ts";
import { BriefingError } from "../../core/errors.ts";
import { resumedRecord } from "../../flows/deliver/delivery-record.ts";
import type { SlackBlock } from "./blocks.ts";
import type { SlackLog } from "./log.ts";
import { slackError } from "./slack-errors.ts";
import type { StreamedAnswer } from "./slack-stream-render.ts";

/** An assistant thread's target: streaming needs the thread. */
export type AssistantTarget = SlackTarget & { assistantThread: true; threadTs: string };

export function isAssistantTarget(target: { platform: string }): target is AssistantTarget {
  const slack = target as Partial<SlackTarget>;
  return target.platform === "slack" && slack.assistantThread === true && typeof slack.threadTs === "string";
}

export interface StreamCalls {
  client: WebClient;
  log: SlackLog;
  /** Message metadata naming the job and the last part: how a re-run finds a stopped stream it did not record. */
  tag?: { event_type: string; event_payload: { job: string; part: number } };
  /** The stream (or the message that finished it) an earlier attempt tagged as its last part, if any. */
  findFinished?: () => Promise<string | undefined>;
}

async function call<T>(method: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw slackError(error, method);
  }
}

/** A refusal (not a rate limit nor an outage) of appendStream or stopStream: the stream is over, or gone. */
function streamEnded(error: unknown): boolean {
  return error instanceof BriefingError && error.code === "PLATFORM_REJECTED";
}

/**
 * Starts the stream with the first chunk not streamed yet (chat.startStream) when there is none, and appends
 * the rest (chat.appendStream), recording each as a part. For the bullets shown while the model still writes,
 * and for the final answer's chunks. Throws what Slack refuses.
 */
export async function appendChunks(
  target: AssistantTarget,
  chunks: readonly string[],
  record: DeliveryRecord,
  save: () => Promise<void>,
  calls: StreamCalls,
): Promise<void> {
  const channel = target.channelId;
  if (record.partsPosted === 0 || record.messageIds[0] === undefined) {
    if (chunks.length === 0) return;
    const started = await call("chat.startStream", () =>
      calls.client.chat.startStream({
        channel,
        thread_ts: target.threadTs,
        markdown_text: chunks[0] ?? "",
        recipient_user_id: target.userId,
        ...(target.teamId ? { recipient_team_id: target.teamId } : {}),
      }),
    );
    if (!started.ts)
      throw new BriefingError("PLATFORM_REJECTED", "Slack started a stream without telling its ts");
    record.messageIds = [started.ts];
    record.partsPosted = 1;
    await save();
  }
  const ts = record.messageIds[0] ?? "";
  for (let index = record.partsPosted; index < chunks.length; index++) {
    await call("chat.appendStream", () =>
      calls.client.chat.appendStream({ channel, ts, markdown_text: chunks[index] ?? "" }),
    );
    record.partsPosted = index + 1;
    await save();
  }
}

/**
 * Streams an answer into an assistant thread: chat.startStream with the first chunk, chat.appendStream with
 * each next one, chat.stopStream with the closing blocks. The record counts the parts sent (each chunk, then
 * the stop) and keeps the stream's ts, so a re-run continues the same stream. When Slack will not take more
 * (the stream was stopped or expired while the job waited), the rest is posted in the thread as one ordinary
 * message instead, unless an earlier attempt had already finished it.
 */
export async function streamAnswer(
  target: AssistantTarget,
  streamed: StreamedAnswer,
  alreadyPosted: DeliveryRecord | undefined,
  onPosted: (record: DeliveryRecord) => Promise<void>,
  calls: StreamCalls,
): Promise<DeliveryRecord> {
  const { client, log } = calls;
  const { chunks, closing } = streamed;
  const total = chunks.length + 1;
  const record = resumedRecord("slack", alreadyPosted);
  if (record.partsPosted >= total) return record;
  const save = async () => await onPosted({ ...record, messageIds: [...record.messageIds] });
  if (alreadyPosted === undefined) await save();
  const channel = target.channelId;
  try {
    await appendChunks(target, chunks, record, save, calls);
    const streamTs = record.messageIds[0] ?? "";
    await call("chat.stopStream", () =>
      client.chat.stopStream({
        channel,
        ts: streamTs,
        ...(closing.length > 0 ? { blocks: closing } : {}),
        ...(calls.tag ? { metadata: calls.tag } : {}),
      }),
    );
  } catch (error) {
    if (!streamEnded(error) || record.partsPosted === 0) throw error;
    log("slack_stream_ended", {
      channelId: channel,
      ts: record.messageIds[0],
      partsPosted: record.partsPosted,
      error: String(error),
    });
    const finished = record.partsPosted === chunks.length ? await calls.findFinished?.() : undefined;
    if (finished === undefined)
      record.messageIds.push(await postRest(target, streamed, record.partsPosted, calls));
  }
  record.partsPosted = total;
  await save();
  return record;
}

/** Slack's cap on the markdown text of one message's markdown blocks together. */
const MARKDOWN_LIMIT = 12_000;

/**
 * The stream shows bullets the final answer does not have as they are (its bullets were merged, or the whole
 * answer fell back to the articles' sentences): the stream is stopped and its message rewritten (chat.update)
 * to the final answer, so what stays in the thread is exactly the verified answer.
 */
export async function replaceStream(
  target: AssistantTarget,
  streamed: StreamedAnswer,
  alreadyPosted: DeliveryRecord,
  onPosted: (record: DeliveryRecord) => Promise<void>,
  calls: StreamCalls,
): Promise<DeliveryRecord> {
  const record = resumedRecord("slack", alreadyPosted);
  const channel = target.channelId;
  const ts = record.messageIds[0] ?? "";
  try {
    await call("chat.stopStream", () => calls.client.chat.stopStream({ channel, ts }));
  } catch (error) {
    if (!streamEnded(error)) throw error;
  }
  const { text, blocks } = wholeAnswer(streamed);
  try {
    await call("chat.update", () =>
      calls.client.chat.update({ channel, ts, text, blocks, ...(calls.tag ? { metadata: calls.tag } : {}) }),
    );
  } catch (error) {
    if (!streamEnded(error)) throw error;
    calls.log("slack_stream_not_replaced", { channelId: channel, ts, error: String(error) });
    record.messageIds.push(await postRest(target, streamed, 0, calls));
  }
  record.partsPosted = streamed.chunks.length + 1;
  await onPosted({ ...record, messageIds: [...record.messageIds] });
  return record;
}

/** The whole streamed answer as one message: its chunks (as many as Slack's markdown cap holds), then the closing blocks. */
function wholeAnswer({ chunks, closing }: StreamedAnswer): {
  text: string;
  blocks: Array<SlackBlock | { type: "markdown"; text: string }>;
} {
  let markdown = "";
  for (const chunk of chunks) {
    if (markdown.length + chunk.length > MARKDOWN_LIMIT) break;
    markdown += chunk;
  }
  const text = markdown.trim() || "Sources";
  return {
    text,
    blocks: [...(markdown.trim() ? [{ type: "markdown" as const, text: markdown }] : []), ...closing],
  };
}

/** The chunks not streamed yet and the closing blocks, as one message in the thread. */
async function postRest(
  target: AssistantTarget,
  { chunks, closing }: StreamedAnswer,
  from: number,
  calls: StreamCalls,
): Promise<string> {
  const rest = chunks.slice(from).join("");
  const result = await call("chat.postMessage", () =>
    calls.client.chat.postMessage({
      channel: target.channelId,
      thread_ts: target.threadTs,
      text: rest.trim() || "Sources",
      blocks: [...(rest.trim() ? [{ type: "markdown" as const, text: rest }] : []), ...closing],
      ...(calls.tag ? { metadata: calls.tag } : {}),
      unfurl_links: false,
      unfurl_media: false,
    }),
  );
  return result.ts ?? "posted-without-ts";
}
