import type { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createUnzip } from "node:zlib";
import { BriefingError } from "../../core/errors.ts";

/** "5 MB", "64 KB", "512 bytes". */
export function formatBytes(bytes: number): string {
  const format = (value: number, unit: string) =>
    `${Number.isInteger(value) ? value : value.toFixed(1).replace(/\.0$/u, "")} ${unit}`;
  if (bytes >= 1024 * 1024) return format(Math.round((bytes / (1024 * 1024)) * 10) / 10, "MB");
  if (bytes >= 1024) return format(Math.round((bytes / 1024) * 10) / 10, "KB");
  return `${bytes} bytes`;
}

export interface BodyLimits {
  /** Bytes after decompression. */
  maxBytes: number;
  /** "page" or "feed", for messages. */
  noun: string;
}

/** The decoders for a Content-Encoding, in the order they are applied; FETCH_REJECTED for one we cannot read. */
export function decoders(contentEncoding: string | undefined): Transform[] {
  if (contentEncoding === undefined) return [];
  const codings = contentEncoding
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  return codings.reverse().map((coding) => {
    switch (coding) {
      case "gzip":
      case "x-gzip":
        return createGunzip();
      case "deflate":
        // zlib-wrapped deflate, as RFC 9110 defines it (createUnzip also takes a gzip header).
        return createUnzip();
      case "br":
        return createBrotliDecompress();
      default:
        throw new BriefingError(
          "FETCH_REJECTED",
          `the response is compressed with "${coding.slice(0, 40)}", which Briefbot cannot read`,
          { userText: true },
        );
    }
  });
}

/**
 * Reads a body through its decoders, counting the decompressed bytes as they come: past `maxBytes` the
 * streams are destroyed (the connection with them), so a compression bomb is cut off, never inflated.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  limits: BodyLimits,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const tooLarge = () =>
    new BriefingError(
      "FETCH_REJECTED",
      `the ${limits.noun} is larger than the limit of ${formatBytes(limits.maxBytes)}`,
      { userText: true },
    );
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > limits.maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  };
  let stages: Transform[];
  try {
    stages = decoders(contentEncoding);
    if (stages.length > 2) {
      throw new BriefingError("FETCH_REJECTED", "the response is compressed more than twice over", {
        userText: true,
      });
    }
  } catch (error) {
    // undici's body reports its destruction as an error event: listened to, so it is not an uncaught one.
    body.on("error", () => {}).destroy();
    throw error;
  }
  const [first, second] = stages;
  try {
    if (first && second) await pipeline(body, first, second, collect);
    else if (first) await pipeline(body, first, collect);
    else await pipeline(body, collect);
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    if (isZlibError(error)) {
      throw new BriefingError("FETCH_REJECTED", `the compressed response is corrupt: ${describe(error)}`, {
        cause: error,
        userText: "the site's compressed response is corrupt",
      });
    }
    throw error;
  }
  return Buffer.concat(chunks, total);
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
