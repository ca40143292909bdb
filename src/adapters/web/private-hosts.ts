import { isIP } from "node:net";
import { BriefingError } from "../../core/errors.ts";

/**
 * FETCH_ALLOWED_PRIVATE_HOSTS: the hosts that may be fetched although their addresses are private (an
 * intranet feed, a test server on 127.0.0.1). `host` allows every port of it, `host:port` that port only.
 * IPv6 entries are written in brackets ("[::1]:8080"); a bare IPv6 address ("::1") means every port.
 */
export class PrivateHostAllowList {
  /** Canonical host → the ports allowed, or "any". */
  readonly #entries = new Map<string, Set<number> | "any">();

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim();
      if (entry === "") continue;
      const { host, port } = parseEntry(entry);
      const known = this.#entries.get(host);
      if (port === undefined) this.#entries.set(host, "any");
      else if (known === undefined) this.#entries.set(host, new Set([port]));
      else if (known !== "any") known.add(port);
    }
  }

  /** Whether this host (a URL hostname, IPv6 with or without brackets) on this port is listed. */
  allows(hostname: string, port: number): boolean {
    const key = canonicalHost(hostname);
    if (key === undefined) return false;
    const ports = this.#entries.get(key);
    return ports === "any" || (ports?.has(port) ?? false);
  }
}

/** The port a connection to this URL goes to. */
export function effectivePort(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

function parseEntry(entry: string): { host: string; port: number | undefined } {
  const bracketed = /^(\[[^\]]+\])(?::(\d+))?$/u.exec(entry);
  const plain = /^([^:[\]/?#@\\\s]+)(?::(\d+))?$/u.exec(entry);
  let hostText: string | undefined;
  let portText: string | undefined;
  if (bracketed && isIP(bracketed[1]?.slice(1, -1) ?? "") === 6) [, hostText, portText] = bracketed;
  else if (plain) [, hostText, portText] = plain;
  else if (isIP(entry) === 6) hostText = entry;
  const host = hostText === undefined ? undefined : canonicalHost(hostText);
  const port = portText === undefined ? undefined : Number(portText);
  if (host === undefined || (port !== undefined && !(port >= 1 && port <= 65_535))) {
    throw new BriefingError(
      "CONFIG_INVALID",
      `Invalid configuration: FETCH_ALLOWED_PRIVATE_HOSTS entry "${entry}" is not a host or host:port`,
      { location: "FETCH_ALLOWED_PRIVATE_HOSTS", userText: true },
    );
  }
  return { host, port };
}

/** A host as the WHATWG URL parser writes it (lower case, IPv4 dotted, IPv6 compressed in brackets), no final dot. */
function canonicalHost(hostname: string): string | undefined {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const text = isIP(bare) === 6 ? `[${bare}]` : bare;
  try {
    const host = new URL(`http://${text}/`).hostname;
    return host.endsWith(".") ? host.slice(0, -1) : host;
  } catch {
    return undefined;
  }
}
