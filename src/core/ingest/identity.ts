import { createHash } from "node:crypto";
import { MAX_ID_CHARS } from "./limits.ts";
import { collapseSpaces } from "./lines.ts";

/** Characters of the content hash used as an article id when none is given. */
const DERIVED_ID_CHARS = 16;

/** sha-256 (hex) of title and text with case, Unicode form and whitespace normalized. */
export function contentHashOf(title: string, text: string): string {
  return createHash("sha256")
    .update(`${normalizeForHash(title)}\n${normalizeForHash(text)}`)
    .digest("hex");
}

export function derivedId(contentHash: string): string {
  return contentHash.slice(0, DERIVED_ID_CHARS);
}

/** Why an article id is not acceptable, or undefined when it is. */
export function articleIdProblem(id: string): string | undefined {
  if (id.trim() === "") return "The article id is empty";
  if (id.length > MAX_ID_CHARS) return `The article id is longer than ${MAX_ID_CHARS} characters`;
  if (/\p{Cc}/u.test(id)) return "The article id contains control characters";
  return undefined;
}

function normalizeForHash(text: string): string {
  return collapseSpaces(text.normalize("NFKC").toLowerCase()).trim();
}
