/** An ISO 8601 instant from a feed's date ("Tue, 02 Jan 2024 10:00:00 GMT", "2024-01-02T10:00:00Z"). */
export function toInstant(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** An absolute http(s) URL from a feed's link, resolved against the feed's own URL. */
export function absoluteUrl(href: string | undefined, base: string): string | undefined {
  const text = href?.trim();
  if (!text) return undefined;
  try {
    const url = new URL(text, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The first non-blank text. */
export function firstText(...values: ReadonlyArray<string | undefined>): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== "");
}
