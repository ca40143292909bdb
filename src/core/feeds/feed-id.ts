import { createHash } from "node:crypto";

/** A short, stable id for a feed URL: Redis keys and the feed's job scheduler ("feed-<id>") use it. */
export function feedId(url: string): string {
  return createHash("sha1").update(url).digest("hex").slice(0, 16);
}
