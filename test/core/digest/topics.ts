import type { IngestedArticle } from "../../../src/core/types.ts";
import { textArticle } from "./helpers.ts";

/** Three unrelated events, two outlets each, in plain words. */
const TOPICS: Record<string, string[]> = {
  volcano: [
    "Eruption at Grindavik forces evacuation\n\nThe Fagradalsfjall volcano near Grindavik erupted on Tuesday, sending lava toward the town. About 3,700 residents were evacuated overnight by Icelandic civil protection. Geologists said the fissure was 1.5 kilometres long.",
    "Lava flows toward Grindavik after eruption\n\nIcelandic authorities evacuated roughly 3,700 people from Grindavik after the Fagradalsfjall volcano erupted. Civil protection officials said the lava fissure stretched for about 1.5 kilometres. Flights at Keflavik airport were not affected.",
  ],
  football: [
    "Rotterdam wins cup final on penalties\n\nFeyenoord Rotterdam beat NEC Nijmegen 4-2 on penalties in the KNVB Cup final at De Kuip. Goalkeeper Justin Bijlow saved two penalties after a goalless match. Coach Arne Slot called it a night for the supporters.",
    "Bijlow the hero as Feyenoord lift KNVB Cup\n\nJustin Bijlow stopped two spot kicks as Feyenoord defeated NEC Nijmegen in the KNVB Cup final. The match at De Kuip ended goalless before the shootout. Arne Slot praised his goalkeeper after the final.",
  ],
  rates: [
    "Central bank raises rates to 4.5 percent\n\nThe Reserve Bank of Australia lifted its cash rate to 4.5 percent on Tuesday, citing stubborn inflation. Governor Michele Bullock said services prices were still rising quickly. Economists at Westpac had expected a pause.",
    "RBA lifts cash rate despite pause forecasts\n\nMichele Bullock and the Reserve Bank of Australia increased the cash rate to 4.5 percent. Westpac economists had forecast no change this month. The bank said inflation in services remained too high.",
  ],
};

export function topicArticles(): { articles: IngestedArticle[]; topicOf: (articleId: string) => string } {
  const topicById = new Map<string, string>();
  const articles = Object.entries(TOPICS).flatMap(([topic, texts]) =>
    texts.flatMap((text, index) =>
      textArticle(`${topic}-${index}.txt`, text).map((ingested) => {
        topicById.set(ingested.article.id, topic);
        return ingested;
      }),
    ),
  );
  return { articles, topicOf: (id) => topicById.get(id) ?? "unknown" };
}
