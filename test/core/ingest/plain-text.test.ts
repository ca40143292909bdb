import { describe, expect, it } from "vitest";
import { parsePlainText } from "../../../src/core/ingest/plain-text.ts";
import { onlyArticle, parseText, sentencesOf } from "./helpers.ts";

describe("plain text parser", () => {
  it("keeps a heading line apart from the paragraph under it", () => {
    expect(
      parsePlainText("Partnerships\nRonald Noble said the deal matters.").map((block) => block.text),
    ).toEqual(["Partnerships", "Ronald Noble said the deal matters."]);
  });

  it("joins hard-wrapped lines into paragraphs and keeps short last lines as paragraph ends", () => {
    const wrapped = [
      "The security vendor and the international police organisation signed",
      "an agreement on Monday that runs for three years, and it covers training",
      "for its officers.",
      "Training starts next year in the new complex in Singapore, which opens",
      "in April.",
    ].join("\n");
    expect(parsePlainText(wrapped).map((block) => block.text)).toEqual([
      "The security vendor and the international police organisation signed an agreement on Monday that runs for three years, and it covers training for its officers.",
      "Training starts next year in the new complex in Singapore, which opens in April.",
    ]);
  });

  it("joins a line that plainly continues the previous sentence", () => {
    expect(
      parsePlainText("The deal was signed by the\nsecretary general on Monday.").map((block) => block.text),
    ).toEqual(["The deal was signed by the secretary general on Monday."]);
  });

  it("strips a BOM and normalizes CRLF", () => {
    const { article } = onlyArticle(
      parseText(
        "crlf.txt",
        "\uFEFFPolice and vendor sign a deal\r\n\r\nThe police signed a deal.\r\nIt runs three years.\r\n",
      ),
    );
    expect(article.title).toBe("Police and vendor sign a deal");
    expect(article.text).toBe("The police signed a deal.\n\nIt runs three years.");
  });

  it("derives a title from the first sentence when no headline stands out", () => {
    const { article } = onlyArticle(
      parseText(
        "plain.txt",
        "The police signed a deal with a security vendor on Monday. It runs three years.",
      ),
    );
    expect(article.title).toBe("The police signed a deal with a security vendor on Monday.");
    expect(article.text).toBe(
      "The police signed a deal with a security vendor on Monday. It runs three years.",
    );
  });

  it("keeps short texts whole rather than calling them furniture", () => {
    const ingested = onlyArticle(parseText("short.txt", "Vendor joins police fight"));
    expect(ingested.article.text).toBe("Vendor joins police fight");
    expect(sentencesOf(ingested)).toEqual(["Vendor joins police fight"]);
  });

  it("takes the line above a byline as the headline even when a short line opens the body", () => {
    const { article } = onlyArticle(
      parseText(
        "byline.txt",
        "Vendor joins the fight against cybercrime\n\nBy Jane Doe - June 24, 2013\n\nIn the first phase, O\n2 sensors were installed. The rest follows next year.\n",
      ),
    );
    expect(article.title).toBe("Vendor joins the fight against cybercrime");
    expect(article.text).toContain("In the first phase, O");
  });
});
