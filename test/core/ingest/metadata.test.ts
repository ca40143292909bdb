import { describe, expect, it } from "vitest";
import { readByline } from "../../../src/core/ingest/byline.ts";
import { findDates, parseDate } from "../../../src/core/ingest/dates.ts";
import { onlyArticle, parseText } from "./helpers.ts";

describe("dates", () => {
  it("reads full dates in several languages and forms", () => {
    expect(parseDate("30 september 2014")).toBe("2014-09-30");
    expect(parseDate("June 24, 2013")).toBe("2013-06-24");
    expect(parseDate("24 juin 2013")).toBe("2013-06-24");
    expect(parseDate("1er août 2013")).toBe("2013-08-01");
    expect(parseDate("2014-09-30T08:15:00+02:00")).toBe("2014-09-30");
    expect(parseDate("24/06/2013")).toBe("2013-06-24");
    expect(parseDate("06/24/2013")).toBe("2013-06-24");
    expect(parseDate("03.10.2014")).toBe("2014-10-03");
    expect(parseDate("Sept. 30, 2014")).toBe("2014-09-30");
    expect(parseDate("3. Oktober 2014")).toBe("2014-10-03");
    expect(parseDate("maandag 6 mrt 2017")).toBe("2017-03-06");
  });

  it("ignores dates without a year and impossible dates", () => {
    expect(findDates("Last June 21, Eva Chen met Ronald Noble")).toEqual([]);
    expect(parseDate("31 februari 2014")).toBeUndefined();
    expect(parseDate("in 2014")).toBeUndefined();
    expect(parseDate("version 1.2.2014")).toBe("2014-02-01");
  });
});

describe("bylines and datelines", () => {
  it("reads author and date", () => {
    expect(readByline("Wouter Hoeffnagel - 30 september 2014")).toEqual({
      author: "Wouter Hoeffnagel",
      published: "2014-09-30",
    });
    expect(readByline("Written by Leon Spencer, Contributor")).toEqual({ author: "Leon Spencer" });
    expect(readByline("By Jane O'Neill and Piet de Vries | June 24, 2013")).toEqual({
      author: "Jane O'Neill, Piet de Vries",
      published: "2013-06-24",
    });
    expect(readByline("Door Jan van der Berg")).toEqual({ author: "Jan van der Berg" });
    expect(readByline("Par Marie Dupont")).toEqual({ author: "Marie Dupont" });
    expect(readByline("Auteur : Marie Dupont")).toEqual({ author: "Marie Dupont" });
    expect(readByline("24 juin 2013 - Media release")).toEqual({ published: "2013-06-24" });
    expect(readByline("Updated 2014-10-02, published 2014-09-30")).toEqual({ published: "2014-09-30" });
    expect(readByline("By Staff Writer - June 3, 2014")).toEqual({ published: "2014-06-03" });
  });

  it("does not mistake sentences, places or roles for bylines", () => {
    expect(readByline("Par conséquent, la collaboration continue")).toBeUndefined();
    expect(readByline("By the way, the police agreed.")).toBeUndefined();
    expect(
      readByline("LYON, 24 juin 2013 – INTERPOL et Trend Micro ont annoncé une collaboration"),
    ).toBeUndefined();
    expect(
      readByline("The deal was signed by Interpol and Trend Micro on 24 June 2013 in Lyon."),
    ).toBeUndefined();
  });

  it("prefers a dateline near the top to dates in the body, and reads a source line", () => {
    const text =
      "Police sign deal\n\nBy Anna Smit\n12 March 2015\n\nThe police, founded on 7 September 1923, signed a deal.\n\nSource: Example Wire";
    const { article } = onlyArticle(parseText("a.txt", text));
    expect([article.author, article.published, article.source]).toEqual([
      "Anna Smit",
      "2015-03-12",
      "Example Wire",
    ]);
    expect(article.text).toBe("The police, founded on 7 September 1923, signed a deal.");
  });
});
