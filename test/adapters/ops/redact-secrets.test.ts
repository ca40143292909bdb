import { describe, expect, it } from "vitest";
import { secretRedactor } from "../../../src/adapters/ops/redact-secrets.ts";

describe("secretRedactor", () => {
  it("redacts each configured secret, also URL-encoded, form-encoded and JSON-escaped", () => {
    const redact = secretRedactor(['s3cret/with space&"quote', "short-one"]);
    expect(redact('sent s3cret/with space&"quote and short-one')).toBe("sent [redacted] and [redacted]");
    expect(redact("q=s3cret%2Fwith%20space%26%22quote")).toBe("q=[redacted]");
    expect(redact("q=s3cret%2Fwith+space%26%22quote")).toBe("q=[redacted]");
    expect(redact('{"k":"s3cret/with space&\\"quote"}')).toBe('{"k":"[redacted]"}');
  });

  it("leaves text without credentials as it is", () => {
    const redact = secretRedactor([]);
    const text = "job slack-cmd-1 answered in 120 ms: Bot started, basic answer, https://example.com/news/1";
    expect(redact(text)).toBe(text);
  });

  it.each([
    ["a Slack bot token", "token xoxb-1234-5678-abcdefABCDEF", "token xoxb-[redacted]"],
    ["a Slack user token", "xoxp-1-2-3-abc", "xoxp-[redacted]"],
    ["a Slack app-level token", "SLACK_APP_TOKEN=xapp-1-A0-123-abcdef", "SLACK_APP_TOKEN=xapp-[redacted]"],
    [
      "a response_url on hooks.slack.com",
      "posting to https://hooks.slack.com/commands/T0TEAM/123/abcDEF failed",
      "posting to https://hooks.slack.com/[redacted] failed",
    ],
    [
      "an incoming webhook",
      '"url":"https://hooks.slack.com/services/T0/B0/XYZ"',
      '"url":"https://hooks.slack.com/[redacted]"',
    ],
    [
      "a response_url on another host",
      "http://127.0.0.1:4000/commands/5f1c-9a",
      "http://127.0.0.1:4000/[redacted]",
    ],
    [
      "an interactivity response_url",
      "https://example.slack.test/actions/T0/1/tok",
      "https://example.slack.test/[redacted]",
    ],
    [
      "a Discord webhook token",
      "PATCH https://discord.com/api/v10/webhooks/1122/aW50ZXJhY3Rpb24.tok-en/messages/@original",
      "PATCH https://discord.com/api/v10/webhooks/1122/[redacted]/messages/@original",
    ],
    [
      "a Discord interaction token",
      "POST /api/v10/interactions/998877/aW50ZXJhY3Rpb24tdG9rZW4/callback",
      "POST /api/v10/interactions/998877/[redacted]/callback",
    ],
    ["a bearer header", "Authorization: Bearer sk-or-abc.def_123", "Authorization: Bearer [redacted]"],
    [
      "a Discord bot header",
      "authorization: Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz12345",
      "authorization: Bot [redacted]",
    ],
    [
      "a bare Discord bot token",
      "token MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz12345 refused",
      "token [redacted] refused",
    ],
    [
      "an OpenAI key",
      "Incorrect API key provided: sk-proj-AbC123xyz789",
      "Incorrect API key provided: sk-[redacted]",
    ],
    [
      "a Redis password",
      "connect redis://default:hunter2@10.0.0.5:6379/0",
      "connect redis://default:[redacted]@10.0.0.5:6379/0",
    ],
    ["a password-only Redis URL", "rediss://:hunter2@cache:6380", "rediss://:[redacted]@cache:6380"],
  ])("redacts %s", (_name, text, expected) => {
    expect(secretRedactor([])(text)).toBe(expected);
  });
});
