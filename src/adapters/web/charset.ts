import { TextDecoder } from "node:util";
import { BriefingError } from "../../core/errors.ts";
import { controlRatio, MAX_CONTROL_RATIO } from "../../core/ingest/decode.ts";

/** How far into the body <meta charset> and <?xml encoding?> are looked for (HTML's prescan takes 1024). */
const PRESCAN_BYTES = 4_096;
/** How far into the body NUL bytes and control characters mark it as binary. */
const SNIFF_BYTES = 8_192;

export interface DecodedText {
  text: string;
  /** The encoding's name as TextDecoder gives it: "utf-8", "windows-1252", "iso-8859-15"... */
  charset: string;
}

/**
 * Bytes to text. The encoding comes from, in order: a byte order mark, the Content-Type charset, an
 * <?xml encoding?> declaration, a <meta charset> or <meta http-equiv="Content-Type">; else UTF-8 when the
 * bytes are valid UTF-8, and windows-1252 when not. Declared UTF-8 with not one valid multi-byte sequence
 * in it is read as windows-1252 too. Labels are WHATWG encoding labels, so ISO-8859-1 and latin1 decode as
 * windows-1252 (what browsers do), ISO-8859-15 as itself. Binary bodies are refused.
 */
export function decodeBody(bytes: Uint8Array, headerCharset: string | undefined): DecodedText {
  const bom = bomDecoder(bytes);
  let decoder =
    bom ??
    decoderFor(headerCharset) ??
    decoderFor(declaredInBody(bytes), { fromBody: true }) ??
    sniffedDecoder(bytes);
  if (!decoder.encoding.startsWith("utf-16") && bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    throw binary("it has NUL bytes");
  }
  let text = decoder.decode(bytes);
  if (!bom && decoder.encoding === "utf-8" && isMislabelledLegacy(text)) {
    decoder = new TextDecoder("windows-1252");
    text = decoder.decode(bytes);
  }
  if (controlRatio(text.slice(0, SNIFF_BYTES)) > MAX_CONTROL_RATIO) throw binary("it has control characters");
  return { text, charset: decoder.encoding };
}

function binary(why: string): BriefingError {
  return new BriefingError("FETCH_REJECTED", `the response is binary data, not text: ${why}`, {
    userText: "the response is binary data, not text",
  });
}

function bomDecoder(bytes: Uint8Array): TextDecoder | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be");
  return undefined;
}

/** A decoder for an encoding label, or undefined for an unknown label. */
function decoderFor(label: string | undefined, { fromBody = false } = {}): TextDecoder | undefined {
  if (label === undefined) return undefined;
  try {
    const decoder = new TextDecoder(label.trim());
    // A declaration inside the body can't be UTF-16: the bytes read to find it were ASCII (HTML spec).
    if (fromBody && decoder.encoding.startsWith("utf-16")) return new TextDecoder("utf-8");
    return decoder;
  } catch {
    return undefined;
  }
}

/** The encoding named by <?xml encoding?> at the start, else by a <meta> tag near the start. */
function declaredInBody(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one character, so ASCII markup reads the same in any ASCII-based encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString(
    "latin1",
  );
  const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/iu.exec(head);
  if (xml?.[1]) return xml[1];
  for (const meta of head.matchAll(/<meta\b[^>]*>/giu)) {
    const tag = meta[0];
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(tag);
    if (!charset?.[1]) continue;
    // <meta charset="x">, or <meta http-equiv="Content-Type" content="text/html; charset=x">.
    if (/^<meta\b[^>]*?\s(charset\s*=|http-equiv\s*=\s*["']?content-type)/iu.test(tag)) return charset[1];
  }
  return undefined;
}

/**
 * Declared UTF-8, but not one valid multi-byte sequence, only invalid bytes (replaced by U+FFFD): a legacy
 * page with a wrong label, common in older Dutch and French CMSs; windows-1252 reads it as meant.
 */
function isMislabelledLegacy(text: string): boolean {
  return text.includes("\uFFFD") && !/[\u0080-\uFFFC\uFFFE-\u{10FFFF}]/u.test(text);
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

function sniffedDecoder(bytes: Uint8Array): TextDecoder {
  try {
    utf8Strict.decode(bytes);
    return new TextDecoder("utf-8");
  } catch {
    return new TextDecoder("windows-1252");
  }
}
