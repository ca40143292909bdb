import { readFileSync } from "node:fs";
import { z } from "zod";

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(
            z.object({
              id: z.string(),
              question: z.string(),
              answers: z.array(z.object({ text: z.string() })),
            }),
          ),
        }),
      ),
    }),
  ),
});

export interface QaParagraph {
  id: string;
  title: string;
  text: string;
}

export interface QaQuestion {
  id: string;
  question: string;
  answers: string[];
  paragraphId: string;
}

/** SQuAD-format data (SQuAD v1.1, PIAF): each paragraph becomes one article. */
export function readSquadFormat(path: string): { paragraphs: QaParagraph[]; questions: QaQuestion[] } {
  const data = squadSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const paragraphs: QaParagraph[] = [];
  const questions: QaQuestion[] = [];
  data.data.forEach((article, articleIndex) => {
    article.paragraphs.forEach((paragraph, paragraphIndex) => {
      const id = `p${articleIndex}-${paragraphIndex}`;
      paragraphs.push({ id, title: article.title.replace(/_/g, " "), text: paragraph.context });
      for (const qa of paragraph.qas) {
        questions.push({
          id: qa.id,
          question: qa.question,
          answers: qa.answers.map((a) => a.text),
          paragraphId: id,
        });
      }
    });
  });
  return { paragraphs, questions };
}
