/**
 * Adds a browser history entry for a change a page has made on its own (the
 * queue's page, sort or filters), without a router navigation: a navigation
 * re-renders the router and every route under it before anything is on
 * screen, for a change only the page shows. The router learns of the entry
 * when the user goes Back or Forward to it, as it learns of any other.
 *
 * The entry's state has the shape React Router's BrowserRouter writes
 * (`{ usr, key, idx }`): `idx` keeps its count of entries right for its own
 * next navigation, and `key` is the entry's location key when it comes back.
 */
export function addHistoryEntry(search: string): void {
  const { idx } = (window.history.state ?? {}) as { idx?: unknown };
  window.history.pushState(
    {
      usr: null,
      key: Math.random().toString(36).slice(2, 10),
      idx: typeof idx === 'number' ? idx + 1 : 0,
    },
    '',
    `${window.location.pathname}${search ? `?${search}` : ''}`,
  );
}
