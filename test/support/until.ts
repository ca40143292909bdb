/** Polls until the condition holds; fails with the description after the timeout (real time, even under a faked Date). */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what = "the condition",
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((wake) => setTimeout(wake, 10));
  }
}

/** Waits a fixed time: only to show that something does NOT happen within it. */
export async function pause(ms: number): Promise<void> {
  await new Promise((wake) => setTimeout(wake, ms));
}
