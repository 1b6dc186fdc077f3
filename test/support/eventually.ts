/** Polls an async condition until it holds (for work the app does after acknowledging Slack). */
export async function eventually(
  condition: () => Promise<boolean>,
  description: string,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${description}`);
}
