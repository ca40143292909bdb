/**
 * The port to the web: the one way Briefbot reads publishers' pages and feeds. The adapter
 * (src/adapters/web) owns the network rules: which addresses may be reached, limits, politeness.
 */

/** What is fetched decides the size limit and the content types accepted. */
export type FetchKind = "page" | "feed";

export interface FetchRequest {
  url: string;
  kind: FetchKind;
  /** From an earlier fetch of this URL: sent as If-None-Match. */
  etag?: string | undefined;
  /** From an earlier fetch of this URL: sent as If-Modified-Since. */
  lastModified?: string | undefined;
}

export interface FetchedResource {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** 304 to a conditional request: the earlier copy is still current, and `text` is empty. */
  notModified: boolean;
  /** The media type without parameters, lower case ("text/html"); "" when the server sent none. */
  contentType: string;
  /** The encoding the text was decoded from, as TextDecoder names it ("utf-8", "windows-1252"). */
  charset: string;
  /** The body, decompressed and decoded. */
  text: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Cache-Control max-age, when the server sent one. */
  maxAgeSeconds?: number | undefined;
  /** Bytes of the body after decompression. */
  bytes: number;
}

/**
 * Fetches one URL. Failures are BriefingErrors: FETCH_REFUSED (an address Briefbot does not fetch),
 * FETCH_FAILED (retryable: timeouts, network errors, 5xx, 429; with retryAfterMs when the server asked us to
 * wait) and FETCH_REJECTED (4xx, wrong content type, too large, binary).
 */
export interface WebFetcher {
  fetch(request: FetchRequest): Promise<FetchedResource>;
}
