import { BriefingError, catalogued } from "../errors.ts";

/** An http(s) URL as typed by someone ("example.com/feed" gets https://); its fragment dropped. */
export function webUrl(text: string): string {
  const trimmed = text.trim().replace(/^<(.*)>$/u, "$1");
  const withScheme = /^[a-z][a-z0-9+.-]*:/iu.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw notWeb(trimmed);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") throw notWeb(trimmed);
  url.hash = "";
  return url.href;
}

/** Whether a command-line argument is a web address rather than a path. */
export function isWebUrl(text: string): boolean {
  return /^https?:\/\//iu.test(text.trim());
}

function notWeb(text: string): BriefingError {
  return new BriefingError(
    "USAGE",
    `"${text.slice(0, 200)}" is not a web address (http or https)`,
    catalogued("notAWebAddress"),
  );
}
