import { describe, expect, it } from "vitest";
import { analyze, contentTerms, SUPPORTED_LANGUAGES } from "../../../src/core/text/analyze.ts";

describe("SUPPORTED_LANGUAGES", () => {
  it("has dedicated analyzers for English, Dutch and French", () => {
    expect(SUPPORTED_LANGUAGES).toEqual(expect.arrayContaining(["en", "nl", "fr"]));
  });
});

describe("folding", () => {
  it("folds case and accents the same way in every language", () => {
    expect(analyze("België", "nl")).toEqual(analyze("belgie", "nl"));
    expect(analyze("BELGIË", "nl")).toEqual(["belgie"]);
    expect(analyze("économie", "fr")).toEqual(analyze("Economie", "fr"));
    expect(analyze("Straße Ærø", "und")).toEqual(["strasse", "aero"]);
  });

  it("applies NFKC: ligatures and full-width forms", () => {
    expect(analyze("ﬁnance", "en")).toEqual(analyze("finance", "en"));
    expect(analyze("２０１４", "en")).toEqual(["2014"]);
  });

  it("keeps letters of other scripts", () => {
    expect(analyze("Москва", "en")).toEqual(["москва"]);
    expect(analyze("Αθήνα", "und")).toEqual(["αθηνα"]);
  });
});

describe("elisions and apostrophes", () => {
  it("strips French elisions, with straight and curly apostrophes", () => {
    expect(analyze("l'économie", "fr")).toEqual(analyze("économie", "fr"));
    expect(analyze("l’économie", "fr")).toEqual(analyze("économie", "fr"));
    expect(analyze("l\u02bcéconomie", "fr")).toEqual(analyze("économie", "fr"));
    expect(analyze("d'INTERPOL", "fr")).toEqual(["interpol"]);
    expect(analyze("qu'il jusqu'à", "fr")).toEqual([]);
    expect(analyze("aujourd’hui", "fr")).toEqual(analyze("aujourd'hui", "fr"));
    expect(analyze("aujourd'hui", "fr")).toHaveLength(1);
  });

  it("handles Dutch 's, 't and plural apostrophes", () => {
    expect(analyze("'s-Hertogenbosch", "nl")).toEqual(["hertogenbosch"]);
    expect(analyze("’s-Hertogenbosch", "nl")).toEqual(["hertogenbosch"]);
    expect(analyze("'s werelds", "nl")).toEqual(analyze("werelds", "nl"));
    expect(analyze("'t Hooft", "nl")).toEqual(["hooft"]);
    expect(analyze("auto's", "nl")).toEqual(analyze("auto", "nl"));
  });

  it("drops English possessives and joins contractions", () => {
    expect(analyze("Chen's", "en")).toEqual(["chen"]);
    expect(analyze("INTERPOL's", "en")).toEqual(["interpol"]);
    expect(analyze("don't isn't", "en")).toEqual([]);
    expect(analyze("O'Brien", "en")).toEqual(["obrien"]);
  });
});

describe("stemming", () => {
  it("stems English", () => {
    expect(analyze("running runs", "en")).toEqual(["run", "run"]);
    expect(analyze("companies", "en")).toEqual(analyze("company", "en"));
  });

  it("stems Dutch", () => {
    expect(analyze("verkiezingen", "nl")).toEqual(analyze("verkiezing", "nl"));
    expect(analyze("politieke", "nl")).toEqual(analyze("politiek", "nl"));
  });

  it("stems French", () => {
    expect(analyze("élections", "fr")).toEqual(analyze("élection", "fr"));
    expect(analyze("européennes", "fr")).toEqual(analyze("européen", "fr"));
  });
});

describe("stopwords", () => {
  it("removes each language's function words", () => {
    expect(analyze("The cat and the hat", "en")).toEqual(["cat", "hat"]);
    expect(analyze("de het een van", "nl")).toEqual([]);
    expect(analyze("le la les des été où", "fr")).toEqual([]);
  });

  it("is per language: a Dutch stopword is an English word", () => {
    expect(analyze("door", "nl")).toEqual([]);
    expect(analyze("door", "en")).toEqual(["door"]);
  });
});

describe("numbers, names and acronyms", () => {
  it("never stems or drops numbers", () => {
    expect(analyze("190 countries in 2014", "en")).toEqual(["190", "countri", "2014"]);
    expect(analyze("190 pays en 2014", "fr")).toEqual(["190", "pay", "2014"]);
  });

  it("normalizes thousands separators and decimal commas", () => {
    expect(analyze("3.000", "nl")).toEqual(["3000"]);
    expect(analyze("3,000", "en")).toEqual(["3000"]);
    expect(analyze("3\u00a0000", "fr")).toEqual(["3000"]);
    expect(analyze("1,5", "fr")).toEqual(analyze("1.5", "en"));
    expect(analyze("12.03.2014", "nl")).toEqual(["12.03.2014"]);
  });

  it("keeps acronyms whole, even when they spell a stopword", () => {
    expect(analyze("INTERPOL IGCI", "en")).toEqual(["interpol", "igci"]);
    expect(analyze("the US and us", "en")).toEqual(["us"]);
    expect(analyze("U.S.", "en")).toEqual(["us"]);
    expect(analyze("AIDS", "en")).toEqual(["aids"]);
  });
});

describe("hyphens", () => {
  it("indexes the parts and the joined compound", () => {
    expect(analyze("cyber-threat", "en")).toEqual(["cyber", "threat", "cyberthreat"]);
    expect(analyze("Noord-Holland", "nl")).toEqual(["noord", "holland", "noordholland"]);
    expect(analyze("covid-19", "en")).toEqual(["covid", "19", "covid19"]);
  });

  it("glues one-letter parts on", () => {
    expect(analyze("e-learning", "en")).toEqual(analyze("elearning", "en"));
    expect(analyze("e-mail", "en")).toHaveLength(1);
  });

  it("does not join number ranges", () => {
    expect(analyze("2014-2015", "en")).toEqual(["2014", "2015"]);
  });
});

describe("language-neutral fallback", () => {
  it("folds and splits without stemming or stopwords", () => {
    expect(analyze("Habari za leo, running", "sw")).toEqual(["habari", "za", "leo", "running"]);
    expect(analyze("the running Häuser", "und")).toEqual(["the", "running", "hauser"]);
  });

  it("drops a short elided article before an apostrophe", () => {
    expect(analyze("l'anno", "it")).toEqual(["anno"]);
  });
});

describe("contentTerms", () => {
  it("returns the distinct terms of a sentence", () => {
    expect(contentTerms("Elections, elections and the election.", "en")).toEqual(new Set(["elect"]));
  });
});
