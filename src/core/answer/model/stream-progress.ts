/** A bullet's "text" key in the reply's JSON; an escaped \"text\" inside a string value does not match. */
const TEXT_KEY = /(?<!\\)"text"\s*:/gu;

/** How many bullets a partial JSON reply has started: for progress while the reply streams in. */
export function bulletsSoFar(partialReply: string): number {
  return partialReply.match(TEXT_KEY)?.length ?? 0;
}
