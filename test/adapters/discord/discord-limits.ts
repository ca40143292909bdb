import { expect } from "vitest";
import type { DiscordMessagePayload } from "../../../src/adapters/discord/payload.ts";

/** Fails unless the payload fits every Discord message and embed limit and cannot ping anyone. */
export function expectWithinDiscordLimits(payload: DiscordMessagePayload): void {
  expect(payload.allowed_mentions.parse).toEqual([]);
  expect(payload.content !== undefined || (payload.embeds?.length ?? 0) > 0).toBe(true);
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(2_000);
  const embeds = payload.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4_096);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1_024);
      total += field.name.length + field.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(6_000);
}
