/**
 * The href of an http(s) URL with the given characters percent-encoded, or undefined when the text is not an
 * http(s) URL: what both platforms may put inside their link syntax.
 */
export function encodedHttpUrl(raw: string | null | undefined, unsafe: RegExp): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  return url.href.replace(
    unsafe,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}
