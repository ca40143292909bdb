import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { buildConnector } from "undici";
import { BriefingError } from "../../core/errors.ts";
import { checkAddress } from "./address-policy.ts";
import type { PrivateHostAllowList } from "./private-hosts.ts";

export interface GuardedConnectOptions {
  allowList: PrivateHostAllowList;
  /** Resolves host names: node:dns lookup, or a test's own. */
  lookup: LookupFunction;
  connectTimeoutMs: number;
}

/**
 * undici's connector with the address policy applied where it cannot be dodged: the host name is resolved
 * here and only allowed addresses are handed to the socket, and once connected the address the socket
 * actually reached is checked again (no window for DNS rebinding between a check and the connect). Hosts on
 * the allow list skip both checks, for that host (and port) only.
 */
export function guardedConnector(options: GuardedConnectOptions): buildConnector.connector {
  const { allowList, connectTimeoutMs } = options;
  const open = verifyRemoteAddress(
    buildConnector({ timeout: connectTimeoutMs, lookup: filteringLookup(options.lookup) }),
  );
  const openListed = buildConnector({ timeout: connectTimeoutMs, lookup: options.lookup });
  return (connectOptions, callback) => {
    const { hostname, protocol } = connectOptions;
    const port =
      connectOptions.port === "" ? (protocol === "https:" ? 443 : 80) : Number(connectOptions.port);
    if (allowList.allows(hostname, port)) openListed(connectOptions, callback);
    else open(connectOptions, callback);
  };
}

/**
 * A connector that refuses an IP-literal host before connecting, and after connecting checks the address
 * the socket reached, closing it before a byte is sent when the policy refuses that address.
 */
export function verifyRemoteAddress(open: buildConnector.connector): buildConnector.connector {
  return (connectOptions, callback) => {
    const { hostname } = connectOptions;
    if (isIP(hostname) !== 0) {
      const verdict = checkAddress(hostname);
      if (!verdict.allowed) {
        callback(refusal(`refused: ${hostname} is ${verdict.reason}`, hostname), null);
        return;
      }
    }
    open(connectOptions, (error, socket) => {
      if (error) {
        callback(error, null);
        return;
      }
      const reached = socket.remoteAddress ?? "";
      const verdict = checkAddress(reached);
      if (verdict.allowed) {
        callback(null, socket);
        return;
      }
      socket.destroy();
      callback(
        refusal(`refused: ${hostname} connected to ${reached}, ${verdict.reason}`, hostname, verdict.kind),
        null,
      );
    });
  };
}

/** A lookup that passes on only the addresses the policy allows, and fails when none is left. */
export function filteringLookup(lookup: LookupFunction): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    lookup(hostname, { ...lookupOptions, all: true }, (error, result) => {
      if (error) {
        callback(error, "");
        return;
      }
      const addresses: LookupAddress[] = Array.isArray(result)
        ? result
        : [{ address: result, family: isIP(result) }];
      const allowed = addresses.filter(({ address }) => checkAddress(address).allowed);
      const first = allowed[0];
      if (first === undefined) {
        const refused = addresses[0];
        const verdict = refused ? checkAddress(refused.address) : undefined;
        const blocked = verdict && !verdict.allowed ? verdict : { reason: "no address", kind: "no address" };
        const message = `refused: ${hostname} resolves to ${refused?.address ?? "nothing"}, ${blocked.reason}`;
        callback(refusal(message, hostname, blocked.kind), "");
        return;
      }
      if (lookupOptions.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

/** The message may name the resolved address (for logs); the user is told the host and the kind only. */
function refusal(message: string, hostname: string, kind?: string): BriefingError {
  return new BriefingError("FETCH_REFUSED", message, {
    location: hostname,
    userText: kind === undefined ? true : `refused: ${hostname} resolves to ${kind}`,
  });
}
