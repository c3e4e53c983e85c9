import { useLayoutEffect } from 'react';

export const APP_NAME = 'TOO office';

/**
 * The browser tab's title for the page on screen, "Move RDY4PR – TOO
 * office": what history, tabs and screen readers name the page by, so two
 * moves open in two tabs can be told apart. Set in the commit that draws
 * the page, so the title never lags the heading it names.
 */
export function usePageTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = `${title} – ${APP_NAME}`;
  }, [title]);
}
