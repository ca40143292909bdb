import type { DeliveryRecord } from "../../core/chat.ts";

/** The placeholder a failure can be shown in: one that was posted while nothing of the answer was yet. */
export function unansweredPlaceholder(posted: DeliveryRecord | undefined): string | undefined {
  return posted?.partsPosted === 0 ? posted.placeholderId : undefined;
}

/** One way to tell the asker something; `via` names it in the log when it fails and the next way is tried. */
export interface NoticeWay {
  via?: string;
  tell(): Promise<unknown>;
}

/**
 * Tells the asker the first way that works, trying `ways` in order (undefined ones are not available here).
 * Every failure goes to `failed`, with the way's `via` when another way is tried after it. Never throws.
 */
export async function tellFirstWay(
  ways: () => ReadonlyArray<NoticeWay | undefined>,
  failed: (error: unknown, via: string | undefined) => void,
): Promise<void> {
  try {
    const available = ways().filter((way): way is NoticeWay => way !== undefined);
    const last = available.pop();
    for (const way of available) {
      try {
        await way.tell();
        return;
      } catch (error) {
        failed(error, way.via);
      }
    }
    await last?.tell();
  } catch (error) {
    failed(error, undefined);
  }
}
