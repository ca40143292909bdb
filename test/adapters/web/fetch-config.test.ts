import { describe, expect, it } from "vitest";
import { PrivateHostAllowList } from "../../../src/adapters/web/private-hosts.ts";
import { loadConfig } from "../../../src/config.ts";

describe("fetch configuration", () => {
  it("defaults to no private host and no contact", () => {
    expect(loadConfig({}).fetch).toEqual({ allowedPrivateHosts: [], contact: undefined });
    expect(loadConfig({ FETCH_ALLOWED_PRIVATE_HOSTS: "  ", FETCH_CONTACT: "" }).fetch).toEqual({
      allowedPrivateHosts: [],
      contact: undefined,
    });
  });

  it("reads FETCH_ALLOWED_PRIVATE_HOSTS as a comma-separated list the fetcher accepts", () => {
    const config = loadConfig({
      FETCH_ALLOWED_PRIVATE_HOSTS: " feeds.intranet, 127.0.0.1:8080,,[::1]:9000 ,10.0.0.7",
      FETCH_CONTACT: "news-bot@example.org",
    });
    expect(config.fetch).toEqual({
      allowedPrivateHosts: ["feeds.intranet", "127.0.0.1:8080", "[::1]:9000", "10.0.0.7"],
      contact: "news-bot@example.org",
    });
    const list = new PrivateHostAllowList(config.fetch.allowedPrivateHosts);
    expect(list.allows("::1", 9000)).toBe(true);
    expect(list.allows("127.0.0.1", 8081)).toBe(false);
  });

  it.each(["http://feeds.intranet/", "user@host", "a b", "::1"])(
    "refuses the FETCH_ALLOWED_PRIVATE_HOSTS entry %j",
    (entry) => {
      expect(() => loadConfig({ FETCH_ALLOWED_PRIVATE_HOSTS: entry })).toThrow(
        /FETCH_ALLOWED_PRIVATE_HOSTS/u,
      );
    },
  );

  it("refuses a FETCH_CONTACT that is not one line of printable ASCII", () => {
    expect(() => loadConfig({ FETCH_CONTACT: "ops@example.org\r\nX-Evil: 1" })).toThrow(/FETCH_CONTACT/u);
  });
});
