import { describe, expect, it } from "vitest";
import { PrivateHostAllowList } from "../../../src/adapters/web/private-hosts.ts";
import { checkUrl } from "../../../src/adapters/web/url-policy.ts";
import { BriefingError } from "../../../src/core/errors.ts";

const NONE = new PrivateHostAllowList([]);

function refusal(url: string, allowList = NONE, origin: "request" | "redirect" = "request"): BriefingError {
  try {
    checkUrl(url, allowList, origin);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).code).toBe("FETCH_REFUSED");
    expect((error as BriefingError).retryable).toBe(false);
    return error as BriefingError;
  }
  throw new Error(`${url} was not refused`);
}

describe("URL policy", () => {
  it.each([
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://017700000001/", "127.0.0.1"],
    ["http://127.000.000.001/", "127.0.0.1"],
    ["http://127.0.0.1./", "127.0.0.1"],
    ["http://%31%32%37.0.0.1/", "127.0.0.1"],
    ["http://①②⑦.0.0.1/", "127.0.0.1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[0:0:0:0:0:ffff:7f00:1]/", "::ffff:7f00:1"],
    ["http://[::1]:8080/", "::1"],
    ["http://0/", "0.0.0.0"],
    ["http://10.0.0.5/feed.xml", "10.0.0.5"],
    ["https://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["http://[fd00::1]/", "fd00::1"],
    ["http://[64:ff9b::127.0.0.1]/", "64:ff9b::7f00:1"],
  ])("refuses %s as the address %s, naming it (the user typed it)", (url, address) => {
    const error = refusal(url);
    expect(error.message).toContain(`refused: ${address} is a`);
    expect(error.userMessage()).toBe(`${error.message}.`);
  });

  it.each(["http://localhost/", "http://LOCALHOST./", "http://feeds.localhost:8080/x"])(
    "refuses the loopback name in %s",
    (url) => {
      expect(refusal(url).userMessage()).toMatch(/^refused: [\w.]*localhost\.? is this machine/u);
    },
  );

  it.each([
    "ftp://example.com/feed",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,hi",
    "gopher://x/",
  ])("refuses the scheme of %s", (url) => {
    expect(refusal(url).userMessage()).toMatch(/^refused: only http and https addresses are fetched, not/u);
  });

  it("refuses credentials without repeating them anywhere", () => {
    const error = refusal("https://editor:hunter2@news.example.com/feed");
    expect(error.userMessage()).toBe("refused: addresses with a user name or password are not fetched.");
    expect(`${error.message} ${error.location} ${error.detailedMessage()}`).not.toContain("hunter2");
  });

  it("refuses what is not a URL, and very long URLs", () => {
    expect(refusal("not a url").userMessage()).toBe("refused: that is not a web address.");
    expect(refusal(`https://example.com/${"a".repeat(9_000)}`).message).toMatch(/the limit is 8192/u);
  });

  it("names no address to the user when a redirect leads to it", () => {
    const error = refusal("http://10.1.2.3/admin", NONE, "redirect");
    expect(error.message).toContain("10.1.2.3");
    expect(error.userMessage()).toBe("refused: the page redirects to a private address.");
  });

  it("passes public URLs, without their fragment", () => {
    expect(checkUrl("https://News.Example.com/a?b=1#top", NONE, "request").href).toBe(
      "https://news.example.com/a?b=1",
    );
    expect(checkUrl("http://8.8.8.8/", NONE, "request").hostname).toBe("8.8.8.8");
    expect(checkUrl("http://[2606:4700::1111]/", NONE, "request").hostname).toBe("[2606:4700::1111]");
  });

  it("passes a private host that is on the allow list, on the listed port only", () => {
    const allowList = new PrivateHostAllowList(["127.0.0.1:8080", "localhost"]);
    expect(checkUrl("http://127.0.0.1:8080/", allowList, "request").port).toBe("8080");
    expect(checkUrl("http://2130706433:8080/", allowList, "request").hostname).toBe("127.0.0.1");
    expect(checkUrl("http://localhost:9999/", allowList, "request").hostname).toBe("localhost");
    refusal("http://127.0.0.1:8081/", allowList);
    refusal("http://127.0.0.1/", allowList);
  });
});
