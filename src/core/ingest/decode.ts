import { BriefingError } from "../errors.ts";

/** Share of control characters above which decoded text is treated as binary. */
export const MAX_CONTROL_RATIO = 0.01;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder("windows-1252");

/**
 * Bytes to text: UTF-8 (BOM stripped), UTF-16 when it has a BOM, and windows-1252 for legacy text that is
 * not valid UTF-8 but has no control bytes. Newlines come back as "\n". Rejects binary and empty input.
 */
export function decodeText(bytes: Uint8Array, location: string): string {
  const text = normalizeNewlines(decodeBytes(bytes, location));
  if (controlRatio(text) > MAX_CONTROL_RATIO) {
    throw new BriefingError("BINARY_INPUT", "The content has control characters: it looks binary", {
      location,
      userText: true,
    });
  }
  if (text.trim() === "") {
    throw new BriefingError("EMPTY_INPUT", "The content is empty", { location, userText: true });
  }
  return text;
}

export function normalizeNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

function decodeBytes(bytes: Uint8Array, location: string): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  if (bytes.includes(0)) {
    throw new BriefingError("BINARY_INPUT", "The content has NUL bytes: it looks binary", {
      location,
      userText: true,
    });
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}

function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** Share of C0/C1 control characters other than tab, line feed, form feed and carriage return. */
export function controlRatio(text: string): number {
  let controls = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const isControl =
      code < 0x20
        ? code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d
        : code >= 0x7f && code <= 0x9f;
    if (isControl) controls++;
  }
  return text.length === 0 ? 0 : controls / text.length;
}
