/** Delay before retry `attempt` (1-based): 1 s doubling to 30 s, with jitter so devices do not stampede a restarted server. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
