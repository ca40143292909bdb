import type { StatedMetadata } from "./draft.ts";

const FIELDS = ["title", "date", "published", "author", "source", "url"] as const;
const FIELD_TARGET: Readonly<Record<(typeof FIELDS)[number], keyof StatedMetadata>> = {
  title: "title",
  date: "published",
  published: "published",
  author: "author",
  source: "source",
  url: "url",
};

export interface FrontMatter {
  stated: StatedMetadata;
  /** The document after the front matter. */
  body: string;
}

/** YAML-style front matter between `---` lines: only flat `key: value` pairs are read. */
export function splitFrontMatter(text: string): FrontMatter {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { stated: {}, body: text };
  const stated: StatedMetadata = {};
  for (const line of (match[1] ?? "").split("\n")) {
    const pair = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    const key = pair?.[1]?.toLowerCase();
    const value = unquote(pair?.[2] ?? "");
    if (key === undefined || value === "" || !isField(key)) continue;
    stated[FIELD_TARGET[key]] ??= value;
  }
  return { stated, body: text.slice(match[0].length) };
}

function isField(key: string): key is (typeof FIELDS)[number] {
  return (FIELDS as readonly string[]).includes(key);
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return (quoted ? (quoted[2] ?? "") : trimmed).trim();
}
