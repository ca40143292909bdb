import type { ArticleListings } from "../../core/article-listings.ts";
import {
  channelCollection,
  type ScopeStore,
  tenantOf,
  tenantOfCollection,
  visibleCollections,
} from "../../core/channel-scope.ts";
import type { ReplyTarget } from "../../core/chat.ts";
import { collectionsOf, isVisible } from "../../core/collections.ts";
import { isBriefingError } from "../../core/errors.ts";
import { type ForgottenArticles, forgottenKeys } from "../../core/forgotten-articles.ts";
import { type InterfaceLanguage, message } from "../../core/i18n/messages.ts";
import type { ArticleStore } from "../../core/ports.ts";
import type { Article } from "../../core/types.ts";

export type ArticleCommand = { action: "list"; count: number } | { action: "forget"; which: string };

/**
 * What `articles` and `forget` read and change: the article store, the tenants' forgotten articles, and each
 * channel's last listing (what `forget <number>` means there).
 */
export interface ChannelArticles {
  store: Pick<ArticleStore, "newest" | "withLink" | "get" | "removeFromCollections">;
  forgotten: ForgottenArticles;
  listings: ArticleListings;
}

export interface ArticleCommandContext {
  articles: ChannelArticles;
  /** Grants, for what the channel sees; without them it sees `shared` and its own collection. */
  scopes: Pick<ScopeStore, "granted"> | undefined;
  channel: ReplyTarget;
  /** BRIEFBOT_SHARED. */
  sharedVisible: boolean;
  /** Whether this person may forget articles (like changing the channel's feeds). */
  mayChange: boolean;
  /** Who may, for the refusal. */
  whoMayChange: string;
  /** The language of the catalogue's replies (English without one). */
  language?: InterfaceLanguage | undefined;
}

export const DEFAULT_LISTED = 10;
export const MOST_LISTED = 50;

const LIST = /^\s*articles(?:\s+(\d{1,6}))?\s*$/iu;
const FORGET = /^\s*forget\s+(\S+)\s*$/iu;

/** `articles [n]` and `forget <number | url | id>`; anything else is not an article command. */
export function splitArticleCommand(text: string): ArticleCommand | undefined {
  const list = LIST.exec(text);
  if (list) return { action: "list", count: list[1] === undefined ? DEFAULT_LISTED : Number(list[1]) };
  const forget = FORGET.exec(text);
  if (forget?.[1]) return { action: "forget", which: forget[1].replace(/^<(.*)>$/u, "$1") };
  return undefined;
}

/** Runs an article command and returns what to tell the person who typed it (errors included). */
export async function handleArticleCommand(
  command: ArticleCommand,
  context: ArticleCommandContext,
): Promise<string> {
  try {
    return command.action === "list"
      ? await listArticles(command.count, context)
      : await forgetArticle(command.which, context);
  } catch (error) {
    if (isBriefingError(error)) return error.userMessage(context.language);
    throw error;
  }
}

/** The channel's most recent articles (by published date, undated last), at most `count`. */
async function recentArticles(count: number, context: ArticleCommandContext): Promise<Article[]> {
  const visible = await visibleCollections(context.channel, context.scopes, context.sharedVisible);
  return await context.articles.store.newest(count, (article) => isVisible(article, visible));
}

async function listArticles(count: number, context: ArticleCommandContext): Promise<string> {
  const language = context.language ?? "en";
  if (count < 1 || count > MOST_LISTED) return message(language, "articlesCountRange", String(MOST_LISTED));
  const articles = await recentArticles(count, context);
  await context.articles.listings.remember(
    channelCollection(context.channel),
    articles.map((article) => article.id),
  );
  if (articles.length === 0) return message(language, "channelSeesNoArticles");
  return [
    articles.length === 1
      ? message(language, "articlesHeaderOne")
      : message(language, "articlesHeader", String(articles.length)),
    ...articles.map((article, index) => `${index + 1}. ${describe(article)}`),
    message(language, "articlesFooter"),
  ].join("\n");
}

function describe(article: Article): string {
  const about = [article.source, article.published].filter(Boolean).join(", ");
  return [
    `"${article.title}"`,
    ...(about ? [`— ${about}`] : []),
    `(${article.language})`,
    article.url ?? `\`${article.id}\``,
  ].join(" ");
}

async function forgetArticle(which: string, context: ArticleCommandContext): Promise<string> {
  const language = context.language ?? "en";
  if (!context.mayChange) return message(language, "forgetOnlyWho", context.whoMayChange);
  const found = await findArticle(which, context);
  if (found === "unlisted") return message(language, "listArticlesFirst");
  const article = found;
  if (!article) return message(language, "noSuchArticle", which);
  const tenant = tenantOf(context.channel);
  const held = collectionsOf(article);
  const own = held.filter((collection) => tenantOfCollection(collection) === tenant);
  if (own.length === 0) return message(language, "articleOperatorOnly", article.title, names(held));
  await context.articles.forgotten.forget(tenant, forgottenKeys(article));
  const remaining = (await context.articles.store.removeFromCollections(article.id, own)) ?? [];
  const stillSeen = remaining.filter((collection) => tenantOfCollection(collection) === undefined);
  if (stillSeen.length > 0) return message(language, "forgotStillIn", article.title, names(stillSeen));
  return message(language, "forgot", article.title);
}

function names(collections: readonly string[]): string {
  return collections.map((name) => `\`${name}\``).join(", ");
}

/**
 * The article `which` names among those the channel sees: a number from the channel's last `articles` listing
 * ("unlisted" when none is remembered), a URL, or an article id.
 */
async function findArticle(
  which: string,
  context: ArticleCommandContext,
): Promise<Article | "unlisted" | undefined> {
  const { store, listings } = context.articles;
  const visible = await visibleCollections(context.channel, context.scopes, context.sharedVisible);
  const seen = (article: Article | undefined) =>
    article !== undefined && isVisible(article, visible) ? article : undefined;
  if (/^\d{1,3}$/u.test(which)) {
    const shown = await listings.shown(channelCollection(context.channel));
    if (shown === undefined) return "unlisted";
    const id = shown[Number(which) - 1];
    return id === undefined ? undefined : seen((await store.get(id))?.article);
  }
  if (/^https?:\/\//iu.test(which)) return (await store.withLink(which)).find((article) => seen(article));
  return seen((await store.get(which))?.article);
}
