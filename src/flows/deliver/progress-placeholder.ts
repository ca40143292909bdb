import type { DeliveryRecord, Platform } from "../../core/chat.ts";
import { resumedRecord } from "./delivery-record.ts";

/** The platform calls behind a progress placeholder. */
export interface PlaceholderPoster<Part> {
  readonly platform: Platform;
  /** Posts the placeholder and returns its id; undefined where none can be posted, or edited later. */
  postPlaceholder(part: Part): Promise<string | undefined>;
  editPlaceholder(placeholderId: string, part: Part): Promise<void>;
  /** The placeholder an earlier attempt posted without recording it, where the platform can tell. */
  findPlaceholder?(): Promise<string | undefined>;
}

/**
 * Replier.showProgress over a platform's calls: edits the job's placeholder into `progress`, or posts it the
 * first time and returns the record that names it; does nothing once the answer has started to be posted.
 */
export async function showProgressIn<Part>(
  poster: PlaceholderPoster<Part>,
  progress: Part,
  alreadyPosted: DeliveryRecord | undefined,
): Promise<DeliveryRecord> {
  const record = resumedRecord(poster.platform, alreadyPosted);
  if (record.partsPosted > 0) return record;
  if (record.placeholderId) {
    await poster.editPlaceholder(record.placeholderId, progress);
    return record;
  }
  const earlier = alreadyPosted === undefined ? undefined : await poster.findPlaceholder?.();
  if (earlier !== undefined) {
    await poster.editPlaceholder(earlier, progress);
    return { ...record, placeholderId: earlier };
  }
  const placeholderId = await poster.postPlaceholder(progress);
  return placeholderId === undefined ? record : { ...record, placeholderId };
}
