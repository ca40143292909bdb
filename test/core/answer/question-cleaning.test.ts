import { describe, expect, it } from "vitest";
import { cleanQuestion } from "../../../src/core/answer/question-cleaning.ts";

describe("cleanQuestion", () => {
  it.each([
    ["Hey, what will Acme deliver exactly?", "what will Acme deliver?"],
    ["Hi Sam, who runs the lab? Thanks in advance, Sam!", "who runs the lab?"],
    ["Thanks! Who runs the lab?", "Who runs the lab?"],
    ["Thank you for that, who runs the lab?", "who runs the lab?"],
    ["Who runs the lab? Many thanks, Sam", "Who runs the lab?"],
    ["Can you please tell me who runs the lab? cheers", "who runs the lab?"],
    ["Good morning team, where is the plant?", "where is the plant?"],
  ])("drops English greetings, thanks and filler: %s", (question, expected) => {
    expect(cleanQuestion(question)).toBe(expected);
  });

  it.each([
    ["Hoi, wat gaat Acme precies leveren? Alvast bedankt Jan", "wat gaat Acme leveren?"],
    ["Goedemorgen, wie leidt het lab? Dank je wel!", "wie leidt het lab?"],
    ["Bonjour Marie, que va livrer Acme s'il vous plaît ? Merci d'avance", "que va livrer Acme?"],
    ["Salut, qui dirige le labo exactement ? Merci beaucoup Paul", "qui dirige le labo?"],
  ])("drops Dutch and French greetings, thanks and filler: %s", (question, expected) => {
    expect(cleanQuestion(question)).toBe(expected);
  });

  it.each([
    ["<@U999|bob> what will Acme deliver?", "what will Acme deliver?"],
    ["<@123> <@!456> <@&789> who runs the lab?", "who runs the lab?"],
    ["<#C024BE7LR|general> <!channel> @everyone who runs the lab?", "who runs the lab?"],
    [
      "who runs the lab? https://example.com/x <https://example.org|link> www.example.net",
      "who runs the lab?",
    ],
    ["who runs the lab? :thumbsup: 🙂👍🏽 :)", "who runs the lab?"],
  ])("drops chat mentions, links and emoji: %s", (question, expected) => {
    expect(cleanQuestion(question)).toBe(expected);
  });

  it("keeps content that looks like a polite word", () => {
    expect(cleanQuestion("What does Best Buy sell?")).toBe("What does Best Buy sell?");
    expect(cleanQuestion("What is the best antivirus?")).toBe("What is the best antivirus?");
    expect(cleanQuestion("Thanks to whom did the deal close?")).toBe("Thanks to whom did the deal close?");
    expect(cleanQuestion("Is JUST a brand?")).toBe("Is JUST a brand?");
  });

  it("leaves nothing of a question made of courtesy only", () => {
    expect(cleanQuestion("Hi! :wave:")).toBe("");
  });
});
