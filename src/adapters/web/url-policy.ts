import { isIP } from "node:net";
import { BriefingError } from "../../core/errors.ts";
import { checkAddress } from "./address-policy.ts";
import { effectivePort, type PrivateHostAllowList } from "./private-hosts.ts";

/** Longer URLs are not fetched: no publisher needs them, and servers reject them anyway. */
const MAX_URL_LENGTH = 8_192;

/**
 * Where a URL came from: the request (typed by the user, so its address may be echoed back to them) or a
 * redirect (chosen by the server: the message for the user names no address).
 */
export type UrlOrigin = "request" | "redirect";

/**
 * The URL to fetch, or a FETCH_REFUSED error: only http(s), no user name or password, and no host that is an
 * IP address Briefbot must not reach or a name for this machine (localhost), unless the allow list has it.
 * The WHATWG URL parser has already turned odd IPv4 spellings (2130706433, 0x7f.1, 0177.0.0.1, 127.1) into
 * dotted form and IPv6 into its compressed form, so one address check covers them all. Host names are
 * checked again at connect time, against the addresses they resolve to.
 */
export function checkUrl(raw: string, allowList: PrivateHostAllowList, origin: UrlOrigin): URL {
  const refuse = (message: string, userText: string | true, location = raw.slice(0, 300)) =>
    new BriefingError("FETCH_REFUSED", message, { location, userText });
  if (raw.length > MAX_URL_LENGTH) {
    throw refuse(`refused: the URL is ${raw.length} characters long; the limit is ${MAX_URL_LENGTH}`, true);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse(
      origin === "request"
        ? "refused: that is not a web address"
        : "refused: the redirect is not to a web address",
      true,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refuse(`refused: only http and https addresses are fetched, not ${url.protocol}`, true);
  }
  if (url.username !== "" || url.password !== "") {
    // Neither message nor location holds the credentials.
    url.username = "";
    url.password = "";
    throw refuse("refused: addresses with a user name or password are not fetched", true, url.href);
  }
  url.hash = "";
  if (allowList.allows(url.hostname, effectivePort(url))) return url;
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) !== 0) {
    const verdict = checkAddress(host);
    if (!verdict.allowed) {
      throw refuse(
        origin === "request"
          ? `refused: ${host} is ${verdict.reason}`
          : `refused: the page redirects to ${url.href}, and ${host} is ${verdict.reason}`,
        origin === "request" ? true : `refused: the page redirects to ${verdict.kind}`,
      );
    }
  } else if (isLocalhostName(host)) {
    throw refuse(`refused: ${host} is this machine (a loopback name)`, true);
  }
  return url;
}

/** RFC 6761: "localhost" and every name under it are this machine, whatever DNS says. */
function isLocalhostName(host: string): boolean {
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  return name === "localhost" || name.endsWith(".localhost");
}
