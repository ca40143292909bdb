import type { Block } from "./draft.ts";
import { comparable, wordCount } from "./lines.ts";

/** Whole lines that are page chrome, compared lower case without punctuation (en, nl, fr, de, es). */
const FURNITURE_LINES = new Set(
  (
    "editorial standards|all news|print|print this page|share|share this|share this article|tweet|" +
    "email|e mail|facebook|twitter|linkedin|whatsapp|pinterest|reddit|advertisement|advert|sponsored|" +
    "sponsored content|media release|press release|news release|related|related articles|" +
    "related stories|most read|most popular|trending|comments|tags|don t miss|you may also like|more stories|" +
    "recommended for you|leave a comment|skip to content|" +
    "skip to main content|back to top|menu|home|search|sign in|log in|register|subscribe|newsletter|" +
    "close|next article|previous article|toggle navigation|loading|delen|deel dit artikel|meer nieuws|" +
    "alle nieuws|advertentie|persbericht|reacties|reageer|gerelateerde artikelen|inloggen|abonneren|" +
    "nieuwsbrief|zoeken|sluiten|printen|afdrukken|partager|imprimer|toutes les actualités|" +
    "tous les articles|publicité|communiqué de presse|commentaires|articles similaires|" +
    "sur le même sujet|se connecter|s abonner|rechercher|fermer|accueil|teilen|drucken|anzeige|" +
    "werbung|pressemitteilung|kommentare|startseite|compartir|imprimir|publicidad|" +
    "comunicado de prensa|noticias relacionadas|comentarios"
  ).split("|"),
);

/** Openings of short lines that point elsewhere or sell something. */
const FURNITURE_OPENING = new RegExp(
  "^(?:read (?:more|also|next)|more (?:on|from|about)|see also|also read|related ?:|share (?:this|on|via)|" +
    "follow us|subscribe|sign up|join our|click here|download (?:the|our) app|get the app|tags ?:|topics ?:|" +
    "filed under|posted in|categories ?:|all rights reserved|copyright|©|\\(c\\) |photo ?:|image ?:|credit ?:|" +
    "lees (?:ook|meer|verder)|meer over|volg ons|abonneer|klik hier|foto ?:|beeld ?:|" +
    "lire (?:aussi|la suite)|à lire|en savoir plus|voir aussi|suivez-nous|abonnez-vous|inscrivez-vous|" +
    "cliquez ici|crédit ?:|mehr zum thema|lesen sie auch|folgen sie uns|leer más|lea también|síguenos)",
  "i",
);

const URL_LINE = /^(?:[\p{L} ]{1,30}:\s*)?(?:https?:\/\/|www\.)\S+$/iu;
const NAV_MARK = /[|•·»›]/;
const NAV_SEPARATOR = /\s*[|•·»›]\s*/;
const THREE_LETTERS = /\p{L}\P{L}*\p{L}\P{L}*\p{L}/u;
const COOKIE = /\bcookies?\b/i;
const CONSENT = /\b(?:accept|agree|consent|use|privacy|akkoord|gebruik|accepter|utilis|akzeptier|aceptar)/i;

/** Longer blocks are prose: a cookie notice of 60 words is about this long. */
const MAX_FURNITURE_CHARS = 500;
/** Menus, share lines and link lines are shorter than this; longer blocks can only be cookie notices. */
const MAX_LINE_CHARS = 150;
/** Known furniture lines are short. */
const MAX_PHRASE_CHARS = 40;

/** Page chrome rather than article text: menus, share and subscribe lines, separators, cookie notices. */
export function isFurniture(block: Block): boolean {
  const text = block.text;
  if (text.length > MAX_FURNITURE_CHARS) return false;
  if (text.length > MAX_LINE_CHARS) return isCookieNotice(text);
  if (!THREE_LETTERS.test(text)) return true;
  if (text.length <= MAX_PHRASE_CHARS && FURNITURE_LINES.has(comparable(text))) return true;
  if (FURNITURE_OPENING.test(text) && wordCount(text) <= 15) return true;
  return URL_LINE.test(text) || isCookieNotice(text) || isNavigationTrail(text);
}

function isCookieNotice(text: string): boolean {
  return COOKIE.test(text) && CONSENT.test(text) && wordCount(text) <= 60;
}

/** "All news | Print", "Home › World › Europe": short segments between separators, no sentence. */
function isNavigationTrail(text: string): boolean {
  if (!NAV_MARK.test(text)) return false;
  const segments = text.split(NAV_SEPARATOR).filter((segment) => segment !== "");
  return (
    segments.length >= 2 && segments.every((segment) => wordCount(segment) <= 3 && !/[.!?]$/.test(segment))
  );
}

export function removeFurniture(blocks: Block[]): Block[] {
  return blocks.filter((block) => !isFurniture(block));
}
