export const ASK_QUEUE = "ask";

/** BullMQ key prefix: one hash tag per namespace keeps every queue key in one Redis Cluster slot. */
export function queuePrefix(namespace: string): string {
  return `{${namespace}}`;
}
