import { BriefingError } from "../errors.ts";
import { readsAsWindows1252 } from "./legacy-encoding.ts";

/** Share of control characters above which decoded text is treated as binary. */
export const MAX_CONTROL_RATIO = 0.01;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder("utf-8", { ignoreBOM: false });

export interface DecodedText {
  text: string;
  /** Set when the bytes were not valid UTF-8: how they were read, for the reader to check. */
  warning?: string;
}

/** `decodeWithNotes` for callers that have nowhere to show a warning. */
export function decodeText(bytes: Uint8Array, location: string): string {
  return decodeWithNotes(bytes, location).text;
}

/**
 * Bytes to text: UTF-8 (BOM stripped), UTF-16 when it has a BOM. Bytes that are not valid UTF-8 are read as
 * windows-1252 only when they read as Western European text with confidence, otherwise as UTF-8 with the bad
 * bytes replaced by U+FFFD; both come with a warning, never silently. Newlines come back as "\n". Rejects binary
 * and empty input.
 */
export function decodeWithNotes(bytes: Uint8Array, location: string): DecodedText {
  const decoded = decodeBytes(bytes, location);
  const text = normalizeNewlines(decoded.text);
  if (controlRatio(text) > MAX_CONTROL_RATIO) {
    throw new BriefingError("BINARY_INPUT", "The content has control characters: it looks binary", {
      location,
      userText: true,
    });
  }
  if (text.trim() === "") {
    throw new BriefingError("EMPTY_INPUT", "The content is empty", { location, userText: true });
  }
  return decoded.warning === undefined ? { text } : { text, warning: decoded.warning };
}

export function normalizeNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

function decodeBytes(bytes: Uint8Array, location: string): DecodedText {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes) };
  if (bytes.includes(0)) {
    throw new BriefingError("BINARY_INPUT", "The content has NUL bytes: it looks binary", {
      location,
      userText: true,
    });
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const legacy = readsAsWindows1252(bytes);
    if (legacy !== undefined) {
      return { text: legacy, warning: "not valid UTF-8; read as windows-1252 (Western European) text" };
    }
    const text = lenientUtf8.decode(bytes);
    const replaced = [...text.matchAll(/\uFFFD/gu)].length;
    return {
      text,
      warning: `not valid UTF-8 and not recognisably another encoding: ${replaced} undecodable byte sequence${
        replaced === 1 ? " was" : "s were"
      } replaced with "\uFFFD"; save the file as UTF-8`,
    };
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
