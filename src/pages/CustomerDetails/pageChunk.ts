type CustomerDetailsPage = typeof import('./CustomerDetails');

/** The details page's module, once its code has arrived. */
let customerDetailsPage: CustomerDetailsPage | null = null;

/**
 * The details page (with its edit and conflict views) is a lazy chunk, to
 * keep start-up small. Its code is fetched when the app opens on it or a
 * move is opened from the queue (see startLoadingEarly), when the queue has
 * shown its rows and the browser is idle, or at the latest when it is first
 * rendered: a module is fetched and run once, whichever asks first.
 */
export const loadCustomerDetailsPage = () =>
  import('./CustomerDetails').then((module) => {
    customerDetailsPage = module;
    return module;
  });

/**
 * The module if its code is here already: the route then renders the page
 * at once. React.lazy given a pending import suspends, and React holds a
 * suspended page back for about 300 ms after its fallback shows, however
 * soon the code comes; opening a move also waited that long to ask for it.
 */
export const loadedCustomerDetailsPage = () => customerDetailsPage;

/**
 * Fetches the details page's code once the browser is idle, so that opening
 * a move waits for the move alone. A failure is left for the page to meet
 * (and say) if it is opened. Returns a cancel function, for an effect.
 */
export function preloadCustomerDetailsPageWhenIdle(): () => void {
  const preload = () => void loadCustomerDetailsPage().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(preload, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(preload, 200);
  return () => clearTimeout(id);
}
