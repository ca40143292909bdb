import { type APIMessage, DiscordAPIError, MessageFlags, type REST, Routes } from "discord.js";
import type { DiscordTarget } from "../../core/chat.ts";
import { BriefingError } from "../../core/errors.ts";
import type { PartPoster } from "../../flows/deliver/deliver-parts.ts";
import type { NoticeWay } from "../../flows/deliver/failure-notice.ts";
import { PartsReplier } from "../../flows/deliver/parts-replier.ts";
import type { PlaceholderPoster } from "../../flows/deliver/progress-placeholder.ts";
import { createWorkerRest, type DiscordRestOptions } from "./discord-rest.ts";
import type { DiscordLog } from "./log.ts";
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

/** An edit replaces the whole message: content and embeds the new payload lacks are cleared. */
function asEdit(payload: DiscordMessagePayload): DiscordMessagePayload {
  return { content: "", embeds: [], ...payload };
}

/**
 * Posts answers over Discord's REST API (no gateway connection needed): the interaction's deferred reply plus
 * follow-ups when the target has an interaction, else messages in the channel, the first replying to the
 * question. The shared delivery flow records each part as soon as it is posted and resumes after the last
 * recorded one; nonces cover the moment between posting a part and recording it.
 */
export class DiscordReplier extends PartsReplier<DiscordMessagePayload, DiscordTarget> {
  readonly platform = "discord" as const;
  readonly #rest: REST;

  constructor(options: DiscordReplierOptions) {
    const renderers = {
      answer: renderDiscordAnswer,
      digest: renderDiscordDigest,
      progress: renderDiscordNotice,
      notice: renderDiscordNotice,
    };
    super(renderers, options.log ?? (() => {}));
    this.#rest = createWorkerRest(options, options.log);
  }

  protected partPoster(discord: DiscordTarget): PartPoster<DiscordMessagePayload> {
    return {
      platform: "discord",
      // An interaction's placeholder is its deferred reply, which posting part 0 of an interaction edits anyway.
      replacePlaceholder: async (messageId, payload) =>
        messageId === ORIGINAL ? undefined : (await this.#editChannelMessage(discord, messageId, payload)).id,
      placeholderGone: (error) => {
        const cause = error instanceof BriefingError ? error.cause : undefined;
        return cause instanceof DiscordAPIError && cause.code === UNKNOWN_MESSAGE;
      },
      post: async (payload, index) => (await this.#postPart(discord, index, payload)).id,
    };
  }

  protected placeholderPoster(discord: DiscordTarget): PlaceholderPoster<DiscordMessagePayload> {
    return {
      platform: "discord",
      postPlaceholder: async (payload) => {
        if (discord.interaction) {
          await this.#editOriginal(discord.interaction, payload);
          return ORIGINAL;
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
        return message.id;
      },
      editPlaceholder: async (messageId, payload) => {
        await this.#editPlaceholder(discord, messageId, payload);
      },
    };
  }

  protected noticeWays(discord: DiscordTarget, payload: DiscordMessagePayload): Array<NoticeWay | undefined> {
    const interaction = discord.interaction;
    const notify = interaction
      ? { tell: () => this.#notifyInteraction(interaction, payload, discord.private === true) }
      : undefined;
    // A private question's failure is never said in the channel.
    if (discord.private) return [notify];
    return [
      // Most likely to fail when the interaction token has expired (15 minutes): then say it in the channel.
      notify,
      { tell: () => this.#postToChannel(discord, payload, { reply: true }) },
    ];
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
    return await this.#followUp(interaction, payload, target.private === true);
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

  /** The interaction's own reply for "@original", else a message in the channel. */
  async #editPlaceholder(
    target: DiscordTarget,
    messageId: string,
    payload: DiscordMessagePayload,
  ): Promise<APIMessage> {
    if (messageId === ORIGINAL && target.interaction)
      return await this.#editOriginal(target.interaction, payload);
    return await this.#editChannelMessage(target, messageId, payload);
  }

  async #editOriginal(interaction: Interaction, payload: DiscordMessagePayload): Promise<APIMessage> {
    return await this.#call("edit the interaction reply", () =>
      this.#rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token, ORIGINAL), {
        body: asEdit(payload),
        auth: false,
      }),
    );
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

  async #followUp(
    interaction: Interaction,
    payload: DiscordMessagePayload,
    privately = false,
  ): Promise<APIMessage> {
    return await this.#call("post an interaction follow-up", () =>
      this.#rest.post(Routes.webhook(interaction.applicationId, interaction.token), {
        body: privately ? { ...payload, flags: MessageFlags.Ephemeral } : payload,
        auth: false,
        query: new URLSearchParams({ wait: "true" }),
      }),
    );
  }

  /** Replaces the "thinking…" reply when it is still there; otherwise adds a follow-up after what was posted. */
  async #notifyInteraction(
    interaction: Interaction,
    payload: DiscordMessagePayload,
    privately = false,
  ): Promise<void> {
    const original = await this.#call("read the interaction reply", () =>
      this.#rest.get(Routes.webhookMessage(interaction.applicationId, interaction.token, ORIGINAL), {
        auth: false,
      }),
    ).catch(() => undefined);
    const stillThinking = original !== undefined && ((original.flags ?? 0) & MessageFlags.Loading) !== 0;
    if (stillThinking) await this.#editOriginal(interaction, payload);
    else await this.#followUp(interaction, payload, privately);
  }

  async #call(action: string, request: () => Promise<unknown>): Promise<APIMessage> {
    try {
      return (await request()) as APIMessage;
    } catch (error) {
      throw discordError(error, action);
    }
  }
}
