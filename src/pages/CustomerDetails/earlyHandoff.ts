/**
 * A load started before its page renders (before React's first render, or
 * by the link that opens the page), for the page to take once instead of
 * starting its own: see startLoadingEarly.
 */
export interface EarlyHandoff<T> {
  /** Keeps `promise` as the load for `key` until it is taken. */
  start: (key: string, promise: Promise<T>) => void;
  /**
   * The early load, if it is for `key`. Taken once, by the page's first ask,
   * whatever that asks for: after it, the page loads as it always does.
   */
  take: (key: string) => Promise<T> | null;
}

export function earlyHandoff<T>(): EarlyHandoff<T> {
  let early: { key: string; promise: Promise<T> } | null = null;
  return {
    start: (key, promise) => {
      // A failure is the page's to show when it takes the load; one never
      // taken (the user went elsewhere first) is not an unhandled rejection.
      promise.catch(() => undefined);
      early = { key, promise };
    },
    take: (key) => {
      const taken = early?.key === key ? early.promise : null;
      early = null;
      return taken;
    },
  };
}
