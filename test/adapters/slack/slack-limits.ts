import { expect } from "vitest";
import type { SlackBlock, SlackMessage } from "../../../src/adapters/slack/blocks.ts";

export function textsOf(block: SlackBlock): string[] {
  if (block.type === "section") return [block.text.text];
  if (block.type === "context") return block.elements.map((element) => element.text);
  return [];
}

export function allTexts(messages: SlackMessage[]): string[] {
  return messages.flatMap((message) => [message.text, ...message.blocks.flatMap(textsOf)]);
}

export function expectWithinSlackLimits(messages: SlackMessage[]): void {
  for (const message of messages) {
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const texts = message.blocks.flatMap(textsOf);
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(3_000);
    }
    expect(texts.reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(13_000);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(3_000);
  }
}

/**
 * Every `<` Slack would parse must open a link the renderer made (`<http(s)://…|label>`), and a raw `>` may
 * only start a quoted line.
 */
export function expectNoSlackControlSequences(messages: SlackMessage[]): void {
  for (const text of allTexts(messages)) {
    const withoutLinks = text.replace(/<https?:\/\/[^<>|\s]+\|[^<>]*>/gu, "").replace(/^> /gmu, "");
    expect(withoutLinks).not.toMatch(/[<>]/u);
  }
}
