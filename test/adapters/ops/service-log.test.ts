import { describe, expect, it } from "vitest";
import { questionHash, type ServiceLogOptions, serviceLog } from "../../../src/adapters/ops/service-log.ts";

const SECRETS = ["xoxb-test-bot-token", "signing-secret-42", "sk-test-openai-key-999", "discord/token+1"];

function capture(overrides: Partial<ServiceLogOptions> = {}) {
  const lines: string[] = [];
  const log = serviceLog({
    write: (line) => lines.push(line),
    level: "debug",
    logQuestions: false,
    secrets: SECRETS,
    pretty: false,
    component: "worker",
    ...overrides,
  });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, parsed };
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

describe("serviceLog", () => {
  it("writes one JSON line per event: level label, ISO time, component, event and the event's fields", () => {
    const { log, lines, parsed } = capture();
    log("model_answered", { jobId: "slack-cmd-1", platform: "slack", channel: "C0NEWS", durationMs: 812 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\n$/u);
    const [line] = parsed();
    expect(line).toMatchObject({
      level: "info",
      component: "worker",
      event: "model_answered",
      jobId: "slack-cmd-1",
      platform: "slack",
      channel: "C0NEWS",
      durationMs: 812,
    });
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time);
  });

  it("takes the level from the event name, a level field, and filters by the configured level", () => {
    const { log, parsed } = capture({ level: "info" });
    log("slack_follow_up_queued", { jobId: "a" });
    log("job_failed", { jobId: "b", code: "LLM_TIMEOUT", retrying: true });
    log("job_failed", { jobId: "c", code: "LLM_TIMEOUT", retrying: false });
    log("worker_error", { error: "boom" });
    log("model_answered", { level: "debug" });
    log("stopping", { signal: "SIGTERM" });
    expect(parsed().map((line) => [line.event, line.level])).toEqual([
      ["job_failed", "warn"],
      ["job_failed", "error"],
      ["worker_error", "error"],
      ["stopping", "info"],
    ]);
    const quiet = capture({ level: "silent" });
    quiet.log("worker_error", {});
    expect(quiet.lines).toEqual([]);
  });

  it("logs a question as a hash unless question logging is on", () => {
    const hashed = capture();
    hashed.log("question_queued", { jobId: "j", question: "Who is the CEO of Trend Micro?" });
    expect(hashed.lines[0]).not.toContain("Trend Micro");
    expect(hashed.parsed()[0]?.questionHash).toBe(questionHash("Who is the CEO of Trend Micro?"));
    expect(questionHash("Who is the CEO of Trend Micro?")).toMatch(/^[0-9a-f]{16}$/u);
    const plain = capture({ logQuestions: true });
    plain.log("question_queued", { question: "Who is the CEO of Trend Micro?" });
    expect(plain.parsed()[0]?.question).toBe("Who is the CEO of Trend Micro?");
  });

  it("logs the component an event names instead of the process's", () => {
    const { log, parsed } = capture();
    log("adapter_started", { component: "slack" });
    expect(parsed()[0]?.component).toBe("slack");
  });

  it("scrubs secrets from nested objects, arrays, errors' messages, stacks and causes", () => {
    const { log, lines } = capture();
    const cause = new Error("upstream said signing-secret-42");
    const error = new Error(`401 Incorrect API key provided: sk-test-openai-key-999`, { cause });
    log("model_failed", {
      error,
      request: {
        headers: { authorization: "Bearer xoxb-test-bot-token", "x-other": ["discord%2Ftoken%2B1"] },
      },
      attempts: [{ url: "https://discord.com/api/v10/webhooks/1/discord/token+1" }],
      detail: `stack: ${error.stack}`,
    });
    expect(lines).toHaveLength(1);
    expectNoSecret(lines[0] ?? "");
    const line = JSON.parse(lines[0] ?? "{}");
    expect(line.error.message).toBe("401 Incorrect API key provided: [redacted]");
    expect(line.error.stack).toContain("[redacted]");
    expect(line.error.cause.message).toBe("upstream said [redacted]");
    expect(line.request.headers.authorization).toBe("[redacted]");
    expect(line.request.headers["x-other"]).toEqual(["[redacted]"]);
  });

  it("redacts credentials by their shape even when they are not configured", () => {
    const { log, lines } = capture({ secrets: [] });
    log("slack_post_via_response_url", {
      url: "https://hooks.slack.com/commands/T0/1/abc",
      redis: "redis://default:hunter2@cache:6379",
      token: "xoxp-9-9-9",
    });
    expect(lines[0]).not.toMatch(/abc|hunter2|xoxp-9/u);
  });

  it("never throws: circular objects, BigInts, throwing getters and a failing write", () => {
    const { log, parsed } = capture();
    const circular: Record<string, unknown> = { name: "loop" };
    circular.self = circular;
    const hostile = {
      get value(): string {
        throw new Error("getter with signing-secret-42");
      },
    };
    expect(() => log("feed_failed", { circular, count: 10n, hostile, run: () => 1 })).not.toThrow();
    const [line] = parsed();
    expect(line?.event).toBe("feed_failed");
    expect(line?.count).toBe("10");
    expect(JSON.stringify(line)).not.toContain("signing-secret-42");
    const unreadable = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no keys for signing-secret-42");
        },
      },
    );
    expect(() => log("job_failed", unreadable)).not.toThrow();
    expect(parsed()[1]).toMatchObject({ level: "error", event: "log_failed", failedEvent: "job_failed" });
    expect(JSON.stringify(parsed()[1])).not.toContain("signing-secret-42");
    const broken = serviceLog({
      write: () => {
        throw new Error("EPIPE");
      },
      level: "info",
      logQuestions: false,
      secrets: [],
      pretty: false,
      component: "serve",
    });
    expect(() => broken("worker_error", {})).not.toThrow();
  });

  it("keeps pino's own fields: an event's `time` or `event` field is renamed, not duplicated", () => {
    const { log, lines, parsed } = capture();
    log("digest_posted", { time: "08:00", msg: "hello", event: "other" });
    expect(lines[0]?.match(/"time":/gu)).toHaveLength(1);
    expect(lines[0]?.match(/"event":/gu)).toHaveLength(1);
    expect(parsed()[0]).toMatchObject({
      timeField: "08:00",
      msg: "hello",
      eventField: "other",
      event: "digest_posted",
    });
  });

  it("writes human-readable lines when pretty, still scrubbed", () => {
    const { log, lines } = capture({ pretty: true, colorize: false });
    log("job_failed", {
      jobId: "slack-cmd-7",
      error: "Bearer xoxb-test-bot-token refused",
      question: "Why?",
    });
    expect(lines).toHaveLength(1);
    expect(() => JSON.parse(lines[0] ?? "")).toThrow();
    expect(lines[0]).toMatch(/WARN.*job_failed/u);
    expect(lines[0]).toContain("slack-cmd-7");
    expect(lines[0]).toContain(questionHash("Why?"));
    expectNoSecret(lines[0] ?? "");
  });
});
