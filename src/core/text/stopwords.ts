import type { LanguageCode } from "../types.ts";
import { foldAccents } from "./fold.ts";

/**
 * Snowball's stopword lists, written the way the analyzers see words: lower case, accents folded,
 * apostrophes removed ("don't" → "dont"; "it's" loses its "'s" first). Joined forms that are real words
 * ("shell", "well", "ill") are left out. Other languages get no stopwords: BM25's IDF copes.
 */
const STOPWORD_TEXT: Readonly<Record<LanguageCode, string>> = {
  en: `i me my myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is are
    was were be been being have has had having do does did doing would should could ought im youre theyre ive
    youve weve theyve youd theyd youll theyll isnt arent wasnt werent hasnt havent hadnt doesnt dont didnt wont
    wouldnt shant shouldnt cant cannot couldnt mustnt a an the and but if or because as until while of at by for
    with about against between into through during before after above below to from up down in out on off over
    under again further then once here there when where why how all any both each few more most other some such
    no nor not only own same so than too very will can may might must shall just also s t`,
  nl: `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of
    wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u
    want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus
    alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw
    iemand geweest andere we wij jullie hen zullen wel s t n`,
  fr: `au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes moi mon ne nos
    notre nous on ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j
    l à m n s t y été étée étées étés étant suis es est sommes êtes sont serai seras sera serons serez seront
    serais serait serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent sois soit
    soyons soyez soient fusse fusses fût fussions fussiez fussent ayant eu eue eues eus ai as avons avez ont aurai
    auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes
    eûtes eurent aie aies ait ayons ayez aient eusse eusses eût eussions eussiez eussent ceci cela celà cet cette
    ici ils les leurs quel quels quelle quelles sans soi dont comme aussi lorsque puisque`,
};

const NO_STOPWORDS: ReadonlySet<string> = new Set();

const STOPWORDS = new Map<LanguageCode, ReadonlySet<string>>(
  Object.entries(STOPWORD_TEXT).map(([language, text]) => [
    language,
    new Set(text.split(/\s+/).filter(Boolean).map(foldAccents)),
  ]),
);

/** Folded stopwords of a language; empty for languages without a list. */
export function stopwordsFor(language: LanguageCode): ReadonlySet<string> {
  return STOPWORDS.get(language) ?? NO_STOPWORDS;
}
