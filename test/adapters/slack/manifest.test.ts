import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ASSISTANT_PROMPTS } from "../../../src/adapters/slack/assistant.ts";
import { DEFAULT_COMMAND } from "../../../src/adapters/slack/render-help.ts";

const manifest = readFileSync(new URL("../../../manifest.yml", import.meta.url), "utf8");

/** The YAML list under `key:`, read line by line (comments between items skipped). */
function listUnder(key: string): string[] {
  const after = manifest.split(`${key}:\n`)[1] ?? "";
  const items: string[] = [];
  for (const line of after.split("\n")) {
    const item = /^\s+- (\S+)\s*$/u.exec(line);
    if (item?.[1]) items.push(item[1]);
    else if (!/^\s+#/u.test(line)) break;
  }
  return items;
}

describe("manifest.yml", () => {
  it("declares the slash command the app listens to, with a usage hint", () => {
    expect(manifest).toContain(`- command: ${DEFAULT_COMMAND}\n`);
    expect(manifest).toMatch(/usage_hint: ".+"/u);
  });

  it("subscribes to mentions and to channel messages (untagged follow-ups in threads)", () => {
    expect(listUnder("bot_events")).toEqual([
      "app_mention",
      "message.channels",
      "message.groups",
      "message.im",
      "assistant_thread_started",
      "assistant_thread_context_changed",
    ]);
  });

  it("enables interactivity (the 👍/👎 buttons) on the same URL as the events and the slash command", () => {
    const interactivity = manifest.split("interactivity:\n")[1] ?? "";
    expect(interactivity).toMatch(/^\s+is_enabled: true\n/u);
    const urls = [...manifest.matchAll(/(?:request_url|url): (\S+)/gu)].map((match) => match[1]);
    expect(urls).toHaveLength(3);
    expect(new Set(urls).size).toBe(1);
    expect(interactivity).toContain(`request_url: ${urls[0]}`);
  });

  it("asks for the scopes the bot uses: history only to find its own unrecorded parts after a crash", () => {
    expect(listUnder("bot")).toEqual([
      "commands",
      "app_mentions:read",
      "chat:write",
      "chat:write.public",
      "channels:history",
      "groups:history",
      "im:history",
      "mpim:history",
      "assistant:write",
      "users:read",
    ]);
  });

  it("enables the agent view with a description and the same suggested prompts the app sets", () => {
    const view = manifest.split("assistant_view:\n")[1]?.split("\n  slash_commands:")[0] ?? "";
    expect(view).toMatch(/^\s+assistant_description: \S.+\n/u);
    const prompts = [...view.matchAll(/- title: (.+)\n\s+message: (.+)(?:\n|$)/gu)].map(
      ([, title, message]) => ({
        title,
        message,
      }),
    );
    expect(prompts).toEqual(ASSISTANT_PROMPTS);
  });
});
