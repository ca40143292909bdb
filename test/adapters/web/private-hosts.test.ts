import { describe, expect, it } from "vitest";
import { PrivateHostAllowList } from "../../../src/adapters/web/private-hosts.ts";
import { BriefingError } from "../../../src/core/errors.ts";

describe("FETCH_ALLOWED_PRIVATE_HOSTS", () => {
  it("lets `host` through on every port and `host:port` on that port only", () => {
    const list = new PrivateHostAllowList(["feeds.intranet", "127.0.0.1:8080", " 10.0.0.7:443 ", ""]);
    expect(list.allows("feeds.intranet", 80)).toBe(true);
    expect(list.allows("FEEDS.intranet.", 8443)).toBe(true);
    expect(list.allows("127.0.0.1", 8080)).toBe(true);
    expect(list.allows("127.0.0.1", 8081)).toBe(false);
    expect(list.allows("127.0.0.1", 80)).toBe(false);
    expect(list.allows("10.0.0.7", 443)).toBe(true);
    expect(list.allows("10.0.0.7", 80)).toBe(false);
    expect(list.allows("other.intranet", 80)).toBe(false);
    expect(list.allows("sub.feeds.intranet", 80)).toBe(false);
  });

  it("a host entry wins over a host:port entry for the same host", () => {
    const list = new PrivateHostAllowList(["127.0.0.1:8080", "127.0.0.1"]);
    expect(list.allows("127.0.0.1", 9000)).toBe(true);
  });

  it("compares canonical forms: IPv4 spellings, IPv6 with or without brackets", () => {
    const list = new PrivateHostAllowList(["127.1:8080", "[::1]:8080", "fd00::5"]);
    expect(list.allows("127.0.0.1", 8080)).toBe(true);
    expect(list.allows("::1", 8080)).toBe(true);
    expect(list.allows("[::1]", 8080)).toBe(true);
    expect(list.allows("[0:0::1]", 8081)).toBe(false);
    expect(list.allows("fd00:0::5", 1234)).toBe(true);
  });

  it.each(["http://x/", "a b", "host:99999", "host:0", "user@host", "[not-ipv6]:80", "host:port", "a/b"])(
    "refuses the entry %j as invalid configuration",
    (entry) => {
      expect(() => new PrivateHostAllowList([entry])).toThrow(BriefingError);
      try {
        new PrivateHostAllowList([entry]);
      } catch (error) {
        expect((error as BriefingError).code).toBe("CONFIG_INVALID");
      }
    },
  );
});
