/**
 * What a tenant (a Slack workspace, a Discord server) forgot with `/brief forget`: article ids and canonical
 * URLs. Feeds and `add` never put a forgotten article back in that tenant's collections.
 */
import { tenantOfCollection } from "./channel-scope.ts";
import { collectionsOf, withCollections } from "./collections.ts";
import { canonicalLink } from "./feeds/item-identity.ts";
import type { Article, IngestedArticle } from "./types.ts";

export interface ForgottenArticles {
  /** Remembers that `tenant` forgot everything these keys name. */
  forget(tenant: string, keys: readonly string[]): Promise<void>;
  /** The tenants among `tenants` that forgot any of `keys`. */
  forgottenBy(tenants: readonly string[], keys: readonly string[]): Promise<Set<string>>;
}

/** The keys an article is forgotten by: its id and, when it has one, its canonical URL. */
export function forgottenKeys(article: Pick<Article, "id" | "url">): string[] {
  return [`id:${article.id}`, ...(article.url ? [`url:${canonicalLink(article.url)}`] : [])];
}

/**
 * The articles without the collections of the tenants that forgot them; an article left in no collection
 * (it was only ever meant for those tenants) is left out. Without a record of forgotten articles, all as given.
 */
export async function withoutForgotten(
  articles: readonly IngestedArticle[],
  forgotten: ForgottenArticles | undefined,
): Promise<IngestedArticle[]> {
  if (!forgotten) return [...articles];
  const kept: IngestedArticle[] = [];
  for (const ingested of articles) {
    const collections = collectionsOf(ingested.article);
    const tenants = [...new Set(collections.flatMap((collection) => tenantOfCollection(collection) ?? []))];
    if (tenants.length === 0) {
      kept.push(ingested);
      continue;
    }
    const forgetting = await forgotten.forgottenBy(tenants, forgottenKeys(ingested.article));
    const remaining = collections.filter((collection) => {
      const tenant = tenantOfCollection(collection);
      return tenant === undefined || !forgetting.has(tenant);
    });
    if (remaining.length === collections.length) kept.push(ingested);
    else if (remaining.length > 0)
      kept.push({ ...ingested, article: withCollections(ingested.article, remaining) });
  }
  return kept;
}
