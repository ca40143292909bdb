import { describe, expect, it } from "vitest";
import { checkAddress } from "../../../src/adapters/web/address-policy.ts";

const REFUSED: ReadonlyArray<readonly [address: string, reason: RegExp]> = [
  ["127.0.0.1", /loopback/u],
  ["127.255.255.254", /loopback/u],
  ["10.0.0.5", /private/u],
  ["172.16.0.1", /private/u],
  ["172.31.255.255", /private/u],
  ["192.168.1.1", /private/u],
  ["169.254.169.254", /link-local/u],
  ["169.254.0.1", /link-local/u],
  ["100.64.0.1", /carrier-grade NAT/u],
  ["100.127.255.254", /carrier-grade NAT/u],
  ["224.0.0.1", /multicast/u],
  ["239.255.255.250", /multicast/u],
  ["240.0.0.1", /reserved/u],
  ["255.255.255.255", /broadcast/u],
  ["0.0.0.0", /unspecified/u],
  ["0.1.2.3", /unspecified/u],
  ["198.18.0.1", /benchmarking/u],
  ["198.19.255.255", /benchmarking/u],
  ["192.0.2.1", /documentation/u],
  ["198.51.100.7", /documentation/u],
  ["203.0.113.9", /documentation/u],
  ["192.0.0.8", /reserved/u],
  ["::1", /loopback/u],
  ["[::1]", /loopback/u],
  ["::", /unspecified/u],
  ["fc00::1", /unique local/u],
  ["fd12:3456:789a::1", /unique local/u],
  ["fe80::1", /link-local/u],
  ["fe80::1%eth0", /link-local/u],
  ["fec0::1", /site-local/u],
  ["ff02::1", /multicast/u],
  ["::ffff:127.0.0.1", /^an IPv4-mapped address of 127\.0\.0\.1, a loopback address$/u],
  ["::ffff:7f00:1", /loopback/u],
  ["0:0:0:0:0:ffff:a00:1", /^an IPv4-mapped address of 10\.0\.0\.1, a private address$/u],
  ["::ffff:169.254.169.254", /link-local/u],
  ["::127.0.0.1", /^an IPv4-compatible address of 127\.0\.0\.1, a loopback address$/u],
  ["::10.0.0.1", /private/u],
  ["64:ff9b::10.0.0.1", /^a NAT64 address of 10\.0\.0\.1, a private address$/u],
  ["64:ff9b::7f00:1", /loopback/u],
  ["64:ff9b:1::1", /local-use NAT64/u],
  ["2002:7f00:1::1", /^a 6to4 address of 127\.0\.0\.1, a loopback address$/u],
  ["2002:c0a8:101::1", /^a 6to4 address of 192\.168\.1\.1, a private address$/u],
  ["2002:a9fe:a9fe::", /link-local/u],
  ["2001::1", /Teredo/u],
  ["2001:db8::1", /documentation/u],
  ["3fff::1", /documentation/u],
  ["2001:2::1", /benchmarking/u],
  ["100::1", /reserved/u],
  ["4000::1", /reserved/u],
  ["::2", /private|reserved|IPv4-compatible|unspecified/u],
];

const ALLOWED = [
  "8.8.8.8",
  "1.1.1.1",
  "93.184.216.34",
  "172.32.0.1",
  "172.15.255.255",
  "100.128.0.1",
  "192.169.0.1",
  "198.20.0.1",
  "223.255.255.255",
  "2606:4700:4700::1111",
  "2a00:1450:4001:80b::200e",
  "::ffff:8.8.8.8",
  "64:ff9b::8.8.8.8",
  "2002:808:808::1",
];

describe("address policy", () => {
  it.each(REFUSED)("refuses %s", (address, reason) => {
    const verdict = checkAddress(address);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toMatch(reason);
  });

  it.each(ALLOWED)("allows the public address %s", (address) => {
    expect(checkAddress(address)).toEqual({ allowed: true });
  });

  it.each(["example.com", "", "127.1", "0x7f.0.0.1", "1.2.3.4.5", "::ffff:999.0.0.1"])(
    "refuses %j: not an IP address (odd spellings are for the URL parser to canonicalise)",
    (text) => {
      expect(checkAddress(text)).toEqual({
        allowed: false,
        reason: "not an IP address",
        kind: "not an IP address",
      });
    },
  );
});
