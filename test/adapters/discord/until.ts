/** Polls until `condition` holds; fails the test after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((wake) => setTimeout(wake, 10));
  }
}

export async function pause(ms: number): Promise<void> {
  await new Promise((wake) => setTimeout(wake, ms));
}
