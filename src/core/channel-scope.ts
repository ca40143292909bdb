/**
 * Which collections a chat channel sees. A tenant is a Slack workspace (team id) or a Discord server (guild
 * id). A channel sees `shared` (unless BRIEFBOT_SHARED=false), its own collection (what it followed or added,
 * named from tenant and channel: `slack:t123:c456`), and what its tenant's admins granted it with `scope add`.
 * A collection named `slack:…` or `discord:…` belongs to the tenant it names: no other tenant can be granted
 * it. Other names are the operator's (`briefbot ingest --collection NAME`): any tenant may be granted those.
 */
import { collectionName, SHARED_COLLECTION } from "./collections.ts";
import { BriefingError, catalogued } from "./errors.ts";
import type { ReplyTarget } from "./reply-target.ts";

/** The tenant of a chat place: `slack:<team id>` or `discord:<guild id>`, lower-cased (`…:dm` without a guild). */
export function tenantOf(target: ReplyTarget): string {
  const tenant =
    target.platform === "slack" ? `slack:${target.teamId ?? "T"}` : `discord:${target.guildId ?? "dm"}`;
  return tenant.toLowerCase();
}

/** The collection of what a channel followed or added: its channel key (`slack:T1:C2`), lower-cased. */
export function channelCollection(target: ReplyTarget): string {
  return `${tenantOf(target)}:${target.channelId.toLowerCase()}`;
}

/**
 * Where a place's grants are kept: a channel's own key, except that every direct message of a Slack workspace
 * shares one (`slack:t1:dm`: what the workspace's admins grant to direct messages). A Discord DM belongs to no
 * server, so it keeps grants of its own.
 */
export function scopeKey(target: ReplyTarget): string {
  const directMessage = target.platform === "slack" && /^D/u.test(target.channelId);
  return directMessage ? `${tenantOf(target)}:dm` : channelCollection(target);
}

/** The collection a feed follower's channel key names; the CLI's follows (key without a tenant) go to `shared`. */
export function followerCollection(channelKey: string): string {
  return /^(?:slack|discord):[^:]+:[^:]+$/iu.test(channelKey) ? channelKey.toLowerCase() : SHARED_COLLECTION;
}

/** The tenant a collection name belongs to (`slack:t1` of `slack:t1:c2`); undefined for the operator's names. */
export function tenantOfCollection(collection: string): string | undefined {
  const match = /^((?:slack|discord):[^:]+):/u.exec(collection);
  return match?.[1];
}

/** A collection a channel of `target`'s tenant may be granted, normalized; anything else is a clear error. */
export function grantableCollection(raw: string, target: ReplyTarget): string {
  const name = collectionName(raw);
  if (name === SHARED_COLLECTION)
    throw new BriefingError(
      "USAGE",
      "`shared` is not granted: the operator decides whether channels see it.",
      catalogued("sharedNotGranted"),
    );
  const owner = tenantOfCollection(name);
  if (/^(?:slack|discord):/u.test(name) && owner === undefined)
    throw new BriefingError(
      "USAGE",
      `"${raw}" names no workspace or server: use platform:team:name.`,
      catalogued("collectionNoTenant", raw),
    );
  if (owner !== undefined && owner !== tenantOf(target))
    throw new BriefingError(
      "USAGE",
      `"${raw}" belongs to another workspace or server: it cannot be granted here.`,
      catalogued("collectionOtherTenant", raw),
    );
  return name;
}

/** The collections granted to channels, by channel collection (`scope add|remove`). */
export interface ScopeStore {
  granted(channel: string): Promise<string[]>;
  /** false when the channel had it already. */
  grant(channel: string, collection: string): Promise<boolean>;
  /** false when the channel did not have it. */
  revoke(channel: string, collection: string): Promise<boolean>;
  /** Every channel with a grant, with its grants. */
  all(): Promise<Map<string, string[]>>;
}

/**
 * What a channel sees: `shared` (when `sharedVisible`), its own collection, and its grants (a grant of
 * another tenant, which `scope add` never makes, is ignored all the same).
 */
export async function visibleCollections(
  target: ReplyTarget,
  scopes: Pick<ScopeStore, "granted"> | undefined,
  sharedVisible: boolean,
): Promise<Set<string>> {
  const own = channelCollection(target);
  const tenant = tenantOf(target);
  const visible = new Set<string>([own]);
  if (sharedVisible) visible.add(SHARED_COLLECTION);
  for (const collection of (await scopes?.granted(scopeKey(target))) ?? []) {
    const owner = tenantOfCollection(collection);
    if (collection !== SHARED_COLLECTION && (owner === undefined || owner === tenant))
      visible.add(collection);
  }
  return visible;
}
