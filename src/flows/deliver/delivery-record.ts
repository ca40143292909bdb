import type { DeliveryRecord, Platform } from "../../core/chat.ts";

/** A copy of what earlier attempts of a job posted (nothing, when there were none), for this attempt to extend. */
export function resumedRecord(platform: Platform, alreadyPosted: DeliveryRecord | undefined): DeliveryRecord {
  return {
    platform,
    messageIds: [...(alreadyPosted?.messageIds ?? [])],
    partsPosted: alreadyPosted?.partsPosted ?? 0,
    ...(alreadyPosted?.placeholderId ? { placeholderId: alreadyPosted.placeholderId } : {}),
  };
}
