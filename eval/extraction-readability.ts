/** The baseline: Mozilla Readability on linkedom as its README shows it, its textContent as the body. */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export function readabilityText(html: string): string {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as never).parse()?.textContent ?? "";
  } catch {
    return "";
  }
}
