import { type APIMessage, DiscordAPIError, MessageFlags, type REST, Routes } from "discord.js";
import type { DeliveryRecord, DigestPost, DiscordTarget, Replier, ReplyTarget } from "../../core/chat.ts";
import { BriefingError } from "../../core/errors.ts";
import type { Answer } from "../../core/types.ts";
import { createWorkerRest, type DiscordRestOptions } from "./discord-rest.ts";
import { type DiscordLog, errorText } from "./log.ts";
import { messageNonce } from "./message-nonce.ts";
import type { DiscordMessagePayload } from "./payload.ts";
import { renderDiscordAnswer } from "./render-answer.ts";
import { renderDiscordDigest } from "./render-digest.ts";
import { renderDiscordNotice } from "./render-help.ts";
import { discordError } from "./rest-errors.ts";

type Interaction = NonNullable<DiscordTarget["interaction"]>;

export interface DiscordReplierOptions extends DiscordRestOptions {
  log?: DiscordLog;
}

/** Discord's error code for a message that does not exist (any more). */
const UNKNOWN_MESSAGE = 10008;

/** The placeholder of an interaction is its own deferred reply. */
const ORIGINAL = "@original";

function recordFrom(alreadyPosted: DeliveryRecord | undefined): DeliveryRecord {
  return {
    platform: "discord",
    messageIds: [...(alreadyPosted?.messageIds ?? [])],
    partsPosted: alreadyPosted?.partsPosted ?? 0,
    ...(alreadyPosted?.placeholderId ? { placeholderId: alreadyPosted.placeholderId } : {}),
  };
}

/** An edit replaces the whole message: content and embeds the new payload lacks are cleared. */
function asEdit(payload: DiscordMessagePayload): DiscordMessagePayload {
  return { content: "", embeds: [], ...payload };
}

function discordTarget(target: ReplyTarget): DiscordTarget {
  if (target.platform !== "discord") {
    throw new BriefingError("INTERNAL", `The Discord replier got a ${target.platform} target`);
  }
  return target;
}

/**
 * Posts answers over Discord's REST API (no gateway connection needed): the interaction's deferred reply plus
 * follow-ups when the target has an interaction, else messages in the channel, the first replying to the
 * question. Each part is recorded as soon as it is posted, and a re-run resumes after the last recorded part.
 */
export class DiscordReplier implements Replier {
  readonly platform = "discord" as const;
  readonly #rest: REST;
  readonly #log: DiscordLog;

  constructor(options: DiscordReplierOptions) {
    this.#rest = createWorkerRest(options);
    this.#log = options.log ?? (() => {});
  }

  async deliverAnswer(
    target: ReplyTarget,
    answer: Answer,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    return await this.#deliverParts(
      discordTarget(target),
      renderDiscordAnswer(answer),
      alreadyPosted,
      onPosted,
    );
  }

  async deliverDigest(
    target: ReplyTarget,
    digest: DigestPost,
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    return await this.#deliverParts(
      discordTarget(target),
      renderDiscordDigest(digest),
      alreadyPosted,
      onPosted,
    );
  }

  async #deliverParts(
    discord: DiscordTarget,
    parts: readonly DiscordMessagePayload[],
    alreadyPosted: DeliveryRecord | undefined,
    onPosted: (record: DeliveryRecord) => Promise<void>,
  ): Promise<DeliveryRecord> {
    const record = recordFrom(alreadyPosted);
    const resumeAt = record.partsPosted;
    for (const [offset, payload] of parts.slice(resumeAt).entries()) {
      const part = resumeAt + offset;
      const placeholder = part === 0 ? record.placeholderId : undefined;
      const message =
        (placeholder &&
          placeholder !== ORIGINAL &&
          (await this.#replacePlaceholder(discord, placeholder, payload))) ||
        (await this.#postPart(discord, part, payload));
      record.messageIds.push(message.id);
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
    const discord = discordTarget(target);
    const record = recordFrom(alreadyPosted);
    if (record.partsPosted > 0) return record;
    const payload = renderDiscordNotice(text);
    if (discord.interaction) {
      await this.#editOriginal(discord.interaction, payload);
      return { ...record, placeholderId: ORIGINAL };
    }
    if (record.placeholderId) {
      await this.#editChannelMessage(discord, record.placeholderId, payload);
      return record;
    }
    const nonce = messageNonce(discord.channelId, discord.replyToMessageId, -1, {
      content: "progress",
      allowed_mentions: payload.allowed_mentions,
    });
    const message = await this.#postToChannel(
      discord,
      { ...payload, nonce, enforce_nonce: true },
      { reply: true },
    );
    return { ...record, placeholderId: message.id };
  }

  async notifyFailure(target: ReplyTarget, message: string, alreadyPosted?: DeliveryRecord): Promise<void> {
    const payload = renderDiscordNotice(message);
    try {
      const discord = discordTarget(target);
      const placeholder = alreadyPosted?.partsPosted === 0 ? alreadyPosted.placeholderId : undefined;
      if (placeholder) {
        try {
          if (placeholder === ORIGINAL && discord.interaction)
            await this.#editOriginal(discord.interaction, payload);
          else await this.#editChannelMessage(discord, placeholder, payload);
          return;
        } catch (error) {
          this.#log("discord_notify_failed", {
            channelId: target.channelId,
            via: "placeholder",
            error: errorText(error),
          });
        }
      }
      if (discord.interaction) {
        try {
          await this.#notifyInteraction(discord.interaction, payload);
          return;
        } catch (error) {
          // Most likely the interaction token expired (15 minutes): say it in the channel instead.
          this.#log("discord_notify_failed", { channelId: target.channelId, error: errorText(error) });
        }
      }
      await this.#postToChannel(discord, payload, { reply: true });
    } catch (error) {
      this.#log("discord_notify_failed", { channelId: target.channelId, error: errorText(error) });
    }
  }

  async #postPart(target: DiscordTarget, part: number, payload: DiscordMessagePayload): Promise<APIMessage> {
    const interaction = target.interaction;
    if (!interaction) {
      const nonce = messageNonce(target.channelId, target.replyToMessageId, part, payload);
      return await this.#postToChannel(
        target,
        { ...payload, nonce, enforce_nonce: true },
        { reply: part === 0 },
      );
    }
    if (part === 0) return await this.#editOriginal(interaction, payload);
    return await this.#followUp(interaction, payload);
  }

  async #postToChannel(
    target: DiscordTarget,
    payload: DiscordMessagePayload & { nonce?: string; enforce_nonce?: boolean },
    { reply }: { reply: boolean },
  ): Promise<APIMessage> {
    const reference =
      reply && target.replyToMessageId
        ? { message_reference: { message_id: target.replyToMessageId, fail_if_not_exists: false } }
        : {};
    return await this.#call("post a message", () =>
      this.#rest.post(Routes.channelMessages(target.channelId), { body: { ...payload, ...reference } }),
    );
  }

  async #editOriginal(interaction: Interaction, payload: DiscordMessagePayload): Promise<APIMessage> {
    return await this.#call("edit the interaction reply", () =>
      this.#rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token, ORIGINAL), {
        body: asEdit(payload),
        auth: false,
      }),
    );
  }

  /** The edited placeholder; undefined when it is gone (deleted by someone) and the part must be posted anew. */
  async #replacePlaceholder(
    target: DiscordTarget,
    messageId: string,
    payload: DiscordMessagePayload,
  ): Promise<APIMessage | undefined> {
    try {
      return await this.#editChannelMessage(target, messageId, payload);
    } catch (error) {
      const cause = error instanceof BriefingError ? error.cause : undefined;
      if (cause instanceof DiscordAPIError && cause.code === UNKNOWN_MESSAGE) return undefined;
      throw error;
    }
  }

  async #editChannelMessage(
    target: DiscordTarget,
    messageId: string,
    payload: DiscordMessagePayload,
  ): Promise<APIMessage> {
    return await this.#call("edit a message", () =>
      this.#rest.patch(Routes.channelMessage(target.channelId, messageId), { body: asEdit(payload) }),
    );
  }

  async #followUp(interaction: Interaction, payload: DiscordMessagePayload): Promise<APIMessage> {
    return await this.#call("post an interaction follow-up", () =>
      this.#rest.post(Routes.webhook(interaction.applicationId, interaction.token), {
        body: payload,
        auth: false,
        query: new URLSearchParams({ wait: "true" }),
      }),
    );
  }

  /** Replaces the "thinking…" reply when it is still there; otherwise adds a follow-up after what was posted. */
  async #notifyInteraction(interaction: Interaction, payload: DiscordMessagePayload): Promise<void> {
    const original = await this.#call("read the interaction reply", () =>
      this.#rest.get(Routes.webhookMessage(interaction.applicationId, interaction.token, "@original"), {
        auth: false,
      }),
    ).catch(() => undefined);
    const stillThinking = original !== undefined && ((original.flags ?? 0) & MessageFlags.Loading) !== 0;
    if (stillThinking) await this.#editOriginal(interaction, payload);
    else await this.#followUp(interaction, payload);
  }

  async #call(action: string, request: () => Promise<unknown>): Promise<APIMessage> {
    try {
      return (await request()) as APIMessage;
    } catch (error) {
      throw discordError(error, action);
    }
  }
}
