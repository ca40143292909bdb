import { describe, expect, it } from "vitest";
import { isFurniture } from "../../../src/core/ingest/furniture.ts";
import { onlyArticle, parseText } from "./helpers.ts";

const furniture = (text: string) => isFurniture({ kind: "text", text });

describe("page furniture", () => {
  it("recognizes menus, share, subscribe, cookie and advertisement lines in several languages", () => {
    for (const line of [
      "X",
      "|",
      "• • •",
      "Print",
      "All news",
      "All news | Print",
      "Home › World › Europe",
      "Editorial standards",
      "Read more on Hackers and cybercrime prevention",
      "Lees ook: Politie pakt hackers op",
      "Lire aussi : la police",
      "Share this article",
      "Partager",
      "Delen",
      "Advertisement",
      "Advertentie",
      "Publicité",
      "Media release",
      "Communiqué de presse",
      "Subscribe to our newsletter.",
      "Follow us on Twitter",
      "https://example.com/story",
      "We use cookies to improve your experience. By continuing you accept our use of cookies.",
      "Photo: Reuters",
      "© 2014 Example Media. All rights reserved.",
    ]) {
      expect(furniture(line), line).toBe(true);
    }
  });

  it("leaves headlines, subheadings and prose alone", () => {
    for (const line of [
      "Trend Micro joins Interpol fight against cyber crime",
      "Trainingsprogramma",
      "Partnerschappen in alle sectoren",
      "Interpol opens a complex in Singapore.",
      "Readers share their views on the agreement with the police.",
    ]) {
      expect(furniture(line), line).toBe(false);
    }
  });

  it("drops masthead lines above the headline, a menu run and trailing link lines", () => {
    const text = [
      "Tech",
      "",
      "Police and vendor sign a cybercrime deal",
      "",
      "The police organisation signed a deal with a security vendor on Monday.",
      "",
      "World",
      "Business",
      "Sport",
      "",
      "The deal covers training for officers.",
      "",
      "Related coverage",
      "Most read",
    ].join("\n");
    const { article } = onlyArticle(parseText("page.txt", text));
    expect(article.title).toBe("Police and vendor sign a cybercrime deal");
    expect(article.text).toBe(
      "The police organisation signed a deal with a security vendor on Monday.\n\nThe deal covers training for officers.",
    );
  });
});
