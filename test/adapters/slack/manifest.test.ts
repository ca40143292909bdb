import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
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

  it("subscribes to app_mention only: a mention also arrives as a message event", () => {
    expect(listUnder("bot_events")).toEqual(["app_mention"]);
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
    ]);
  });
});
