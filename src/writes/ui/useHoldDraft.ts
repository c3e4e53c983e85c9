import { useEffect } from 'react';
import {
  describeDrafts,
  discardDrafts,
  holdDraft,
  leavingLosesDrafts,
  unsavedDrafts,
} from '../drafts';

/**
 * While `unsaved`, names the form's draft in the list of unsaved drafts
 * (writes/drafts.ts), and leaving the page (closing the tab, reloading,
 * another address) asks first, with the browser's own question.
 */
export function useHoldDraft(name: string, unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const release = holdDraft(name);
    const askBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (!leavingLosesDrafts()) return;
      event.preventDefault();
      // Browsers before the standard asked only when returnValue was set.
      event.returnValue = true;
    };
    window.addEventListener('beforeunload', askBeforeLeaving);
    return () => {
      window.removeEventListener('beforeunload', askBeforeLeaving);
      release();
    };
  }, [name, unsaved]);
}

/**
 * Links to another page of the app ask too, while a draft is unsaved: the
 * router would unmount the form and its draft with it. Asked with the
 * browser's own confirm, before the router sees the click. (The browser's
 * Back button is not asked: the app's router cannot hold it.)
 */
export function useAskBeforeLeavingByLink() {
  useEffect(() => {
    const ask = (event: MouseEvent) => {
      if (!leavingLosesDrafts() || event.defaultPrevented || event.button !== 0) return;
      // A new tab or window leaves the draft where it is.
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self')) return;
      const to = new URL(link.href, window.location.href);
      const here = window.location;
      if (
        to.origin !== here.origin ||
        (to.pathname === here.pathname && to.search === here.search)
      ) {
        return;
      }
      const drafts = unsavedDrafts();
      const question = `${describeDrafts(drafts)} Leave this page and discard ${drafts.length === 1 ? 'it' : 'them'}?`;
      if (window.confirm(question)) {
        discardDrafts();
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    document.addEventListener('click', ask, true);
    return () => document.removeEventListener('click', ask, true);
  }, []);
}
