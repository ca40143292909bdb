/** One line of `serve`'s or a worker's JSON log, parsed. */
export interface LogLine {
  level: string;
  time: string;
  component: string;
  event: string;
  [field: string]: unknown;
}

const REQUIRED_FIELDS = ["level", "time", "component", "event"] as const;

/**
 * Every non-empty line of a process's log output as JSON; throws naming the first line that is not JSON or
 * lacks level, time, component or event (a string each, `time` ISO 8601).
 */
export function parseLogLines(output: string): LogLine[] {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((text, index) => {
      let line: unknown;
      try {
        line = JSON.parse(text);
      } catch {
        throw new Error(`log line ${index + 1} is not JSON: ${text.slice(0, 300)}`);
      }
      if (typeof line !== "object" || line === null || Array.isArray(line))
        throw new Error(`log line ${index + 1} is not a JSON object: ${text.slice(0, 300)}`);
      const record = line as Record<string, unknown>;
      const missing = REQUIRED_FIELDS.filter(
        (field) => typeof record[field] !== "string" || record[field] === "",
      );
      if (missing.length > 0)
        throw new Error(`log line ${index + 1} lacks ${missing.join(", ")}: ${text.slice(0, 300)}`);
      if (Number.isNaN(Date.parse(String(record.time))))
        throw new Error(`log line ${index + 1} has no ISO time: ${text.slice(0, 300)}`);
      return record as LogLine;
    });
}

/** The ways a secret can be spelled in a line: as is, URL-encoded, form-encoded, JSON-escaped. */
function spellings(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ]),
  ];
}

/** Where a secret shows in the output: one description per offending line (empty when none does). */
export function secretsIn(output: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  output.split("\n").forEach((line, index) => {
    for (const secret of secrets.filter((value) => value !== "")) {
      if (spellings(secret).some((spelling) => line.includes(spelling)))
        found.push(`line ${index + 1} holds the secret ${JSON.stringify(secret)}: ${line.slice(0, 300)}`);
    }
  });
  return found;
}

/** Throws listing every line of the output that holds one of the secrets in any spelling. */
export function assertNoSecrets(output: string, secrets: readonly string[]): void {
  const found = secretsIn(output, secrets);
  if (found.length > 0) throw new Error(`secrets in the log:\n${found.join("\n")}`);
}
