/**
 * Lets timers and I/O run before going on. PGlite runs in this process and answers in microtasks only,
 * so a loop of awaits on it never reaches the event loop's I/O phase: without a yield, no request is
 * even read until the loop ends (decision 017).
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * For a long loop: `await pause()` yields when `budgetMs` passed since the last yield, so the loop
 * keeps most of the time but a request waits at most about that long for its turn.
 */
export function cooperativePause(budgetMs = 20): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}
