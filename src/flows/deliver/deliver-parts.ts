import type { DeliveryRecord, Platform } from "../../core/chat.ts";
import { resumedRecord } from "./delivery-record.ts";

/** The platform calls that post one rendered part of an answer or digest. */
export interface PartPoster<Part> {
  readonly platform: Platform;
  /**
   * Edits the progress placeholder into the first part and returns the message id; undefined when this kind
   * of placeholder takes the first part through `post` instead.
   */
  replacePlaceholder(placeholderId: string, part: Part): Promise<string | undefined>;
  /** Whether a failed replacePlaceholder means the placeholder is gone (deleted, too old to edit). */
  placeholderGone(error: unknown): boolean;
  /** Posts part `index` as a message of its own and returns its id; `posted` is what the job has posted so far. */
  post(part: Part, index: number, posted: Readonly<DeliveryRecord>): Promise<string>;
  /**
   * The id of part `index` if an earlier attempt posted it without recording it (it crashed in between);
   * undefined when it was not posted, or when the platform cannot tell.
   */
  find?(index: number): Promise<string | undefined>;
}

/** The placeholder's message id once it shows the part; undefined when it is gone and the part is posted anew. */
async function intoPlaceholder<Part>(
  poster: PartPoster<Part>,
  placeholderId: string,
  part: Part,
): Promise<string | undefined> {
  try {
    return await poster.replacePlaceholder(placeholderId, part);
  } catch (error) {
    if (poster.placeholderGone(error)) return undefined;
    throw error;
  }
}

/**
 * Posts the parts not posted yet, in order: resumes after the last part `alreadyPosted` records, puts the first
 * part into the placeholder when there is one, and hands `onPosted` a copy of the record before the first part
 * and after every part, so a job that fails or crashes half-way goes on from there instead of posting anything
 * twice. Only the first part a re-run posts can have been posted unrecorded: that one is looked for first.
 */
export async function deliverParts<Part>(
  poster: PartPoster<Part>,
  parts: readonly Part[],
  alreadyPosted: DeliveryRecord | undefined,
  onPosted: (record: DeliveryRecord) => Promise<void>,
): Promise<DeliveryRecord> {
  const record = resumedRecord(poster.platform, alreadyPosted);
  const resumeAt = record.partsPosted;
  // Recorded before anything is posted: a re-run then knows an earlier attempt may have posted unrecorded.
  if (alreadyPosted === undefined && parts.length > 0) await onPosted({ ...record, messageIds: [] });
  for (const [offset, part] of parts.slice(resumeAt).entries()) {
    const index = resumeAt + offset;
    const placeholder = index === 0 ? record.placeholderId : undefined;
    const replaced = placeholder ? await intoPlaceholder(poster, placeholder, part) : undefined;
    const found =
      replaced === undefined && offset === 0 && alreadyPosted !== undefined
        ? await poster.find?.(index)
        : undefined;
    record.messageIds.push(replaced ?? found ?? (await poster.post(part, index, record)));
    record.partsPosted = index + 1;
    await onPosted({ ...record, messageIds: [...record.messageIds] });
  }
  return record;
}
