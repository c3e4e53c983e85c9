import { useEffect } from 'react';

export const APP_NAME = 'TOO office';

/**
 * The browser tab's title for the page on screen, "Move RDY4PR – TOO
 * office": what history, tabs and screen readers name the page by, so two
 * moves open in two tabs can be told apart.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${APP_NAME}`;
  }, [title]);
}
