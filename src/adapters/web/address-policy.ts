import { BlockList, isIP } from "node:net";

/**
 * Which IP addresses Briefbot may connect to: public unicast only. The ranges are listed here, with the RFC
 * that sets each aside, and matched with node:net's BlockList (built in, CIDR matching for both families).
 * IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the
 * IPv4 address inside; every other IPv6 address outside global unicast (2000::/3) is refused.
 */
export type AddressVerdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Why, for operators: "a 6to4 address of 10.0.0.1, a private address". */
      reason: string;
      /** The kind of address, naming none: "a private address". Safe to show a user who did not type it. */
      kind: string;
    };

type Range = readonly [network: string, prefix: number];

const IPV4_RANGES: ReadonlyArray<readonly [reason: string, ranges: readonly Range[]]> = [
  ["a broadcast address", [["255.255.255.255", 32]]],
  ["an unspecified address", [["0.0.0.0", 8]]], // RFC 791 "this network"
  ["a loopback address", [["127.0.0.0", 8]]],
  [
    "a private address",
    [
      ["10.0.0.0", 8],
      ["172.16.0.0", 12],
      ["192.168.0.0", 16],
    ],
  ], // RFC 1918
  ["a link-local address", [["169.254.0.0", 16]]], // RFC 3927; cloud metadata services live at 169.254.169.254
  ["a shared (carrier-grade NAT) address", [["100.64.0.0", 10]]], // RFC 6598
  ["a benchmarking address", [["198.18.0.0", 15]]], // RFC 2544
  [
    "a documentation address",
    [
      ["192.0.2.0", 24],
      ["198.51.100.0", 24],
      ["203.0.113.0", 24],
    ],
  ], // RFC 5737
  ["a multicast address", [["224.0.0.0", 4]]],
  [
    "a reserved address",
    [
      ["192.0.0.0", 24], // RFC 6890 IETF protocol assignments
      ["192.88.99.0", 24], // RFC 7526 deprecated 6to4 relays
      ["240.0.0.0", 4], // RFC 1112 reserved
    ],
  ],
];

const IPV6_RANGES: ReadonlyArray<readonly [reason: string, ranges: readonly Range[]]> = [
  ["an unspecified address", [["::", 128]]],
  ["a loopback address", [["::1", 128]]],
  ["a unique local (private) address", [["fc00::", 7]]], // RFC 4193
  ["a link-local address", [["fe80::", 10]]], // RFC 4291
  ["a site-local (private) address", [["fec0::", 10]]], // RFC 3879, deprecated
  ["a multicast address", [["ff00::", 8]]],
  ["a local-use NAT64 address", [["64:ff9b:1::", 48]]], // RFC 8215: translates to private networks
  ["a Teredo tunnel address", [["2001::", 32]]], // RFC 4380: the IPv4 inside is obfuscated
  ["a benchmarking address", [["2001:2::", 48]]], // RFC 5180
  [
    "a documentation address",
    [
      ["2001:db8::", 32], // RFC 3849
      ["3fff::", 20], // RFC 9637
    ],
  ],
  [
    "a reserved address",
    [
      ["2001::", 23], // RFC 2928 IETF protocol assignments
      ["100::", 64], // RFC 6666 discard prefix
      ["5f00::", 16], // RFC 9602 SRv6 SIDs
    ],
  ],
];

function blockLists(
  family: "ipv4" | "ipv6",
  table: ReadonlyArray<readonly [string, readonly Range[]]>,
): ReadonlyArray<readonly [string, BlockList]> {
  return table.map(([reason, ranges]) => {
    const list = new BlockList();
    for (const [network, prefix] of ranges) list.addSubnet(network, prefix, family);
    return [reason, list] as const;
  });
}

const IPV4_LISTS = blockLists("ipv4", IPV4_RANGES);
const IPV6_LISTS = blockLists("ipv6", IPV6_RANGES);
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet("2000::", 3, "ipv6");

const ALLOWED: AddressVerdict = { allowed: true };

/** Whether Briefbot may connect to this IP address; a brackets-free address, IPv6 zone allowed. */
export function checkAddress(address: string): AddressVerdict {
  const bare = stripZone(address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address);
  const family = isIP(bare);
  if (family === 4) return checkIpv4(bare);
  if (family === 6) return checkIpv6(bare);
  return refused("not an IP address");
}

function refused(reason: string): AddressVerdict {
  return { allowed: false, reason, kind: reason };
}

function checkIpv4(address: string): AddressVerdict {
  for (const [reason, list] of IPV4_LISTS) {
    if (list.check(address, "ipv4")) return { allowed: false, reason, kind: reason };
  }
  return ALLOWED;
}

function checkIpv6(address: string): AddressVerdict {
  const groups = ipv6Groups(address);
  if (!groups) return refused("not an IP address");
  const embedded = embeddedIpv4(groups);
  if (embedded) {
    const inner = checkIpv4(embedded.ipv4);
    return inner.allowed
      ? ALLOWED
      : { allowed: false, reason: `${embedded.form} of ${embedded.ipv4}, ${inner.reason}`, kind: inner.kind };
  }
  for (const [reason, list] of IPV6_LISTS) {
    if (list.check(address, "ipv6")) return { allowed: false, reason, kind: reason };
  }
  if (!GLOBAL_UNICAST.check(address, "ipv6")) return refused("a reserved address");
  return ALLOWED;
}

/** The IPv4 address carried by an IPv6 address of one of the forms that embed one. */
function embeddedIpv4(groups: readonly number[]): { ipv4: string; form: string } | undefined {
  const at = (index: number) => groups[index] ?? 0;
  const ipv4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  if (zeros(0, 5) && at(5) === 0xffff) return { ipv4: ipv4(at(6), at(7)), form: "an IPv4-mapped address" };
  // ::/96 except :: and ::1 (judged as IPv6 below): IPv4-compatible, RFC 4291 (deprecated).
  if (zeros(0, 6) && at(6) !== 0) return { ipv4: ipv4(at(6), at(7)), form: "an IPv4-compatible address" };
  // RFC 6052 well-known NAT64 prefix 64:ff9b::/96.
  if (at(0) === 0x64 && at(1) === 0xff9b && zeros(2, 6)) {
    return { ipv4: ipv4(at(6), at(7)), form: "a NAT64 address" };
  }
  // RFC 3056 6to4: 2002:AABB:CCDD::/48.
  if (at(0) === 0x2002) return { ipv4: ipv4(at(1), at(2)), form: "a 6to4 address" };
  return undefined;
}

/** The eight 16-bit groups of a valid IPv6 address (dotted IPv4 tail allowed). */
function ipv6Groups(address: string): number[] | undefined {
  let canonical: string;
  try {
    // The WHATWG URL serializer writes every valid IPv6 address in one compressed, hex-only form.
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const [head = "", tail] = canonical.split("::");
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const before = parse(head);
  const after = tail === undefined ? [] : parse(tail);
  const missing = 8 - before.length - after.length;
  const groups = [...before, ...new Array<number>(missing).fill(0), ...after];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group)) ? groups : undefined;
}

function stripZone(address: string): string {
  const zone = address.indexOf("%");
  return zone === -1 ? address : address.slice(0, zone);
}
