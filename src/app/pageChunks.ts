/**
 * The details page (with its edit and conflict views) is a lazy chunk, to
 * keep start-up small. Its code is fetched when the app opens on it (see
 * startLoadingEarly), when the queue has shown its rows and the browser is
 * idle, or at the latest when it is first opened: a module is fetched and
 * run once, whichever asks first.
 */
export const loadCustomerDetailsPage = () => import('../pages/CustomerDetails/CustomerDetails');
