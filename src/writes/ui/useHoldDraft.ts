import { useEffect } from 'react';
import { useLocation } from 'react-router';
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

/** The question before a move to another page of the app, with what it would throw away. */
function leaveQuestion(): string {
  const drafts = unsavedDrafts();
  return `${describeDrafts(drafts)} Leave this page and discard ${drafts.length === 1 ? 'it' : 'them'}?`;
}

/**
 * Links to another page of the app ask too, while a draft is unsaved: the
 * router would unmount the form and its draft with it. Asked with the
 * browser's own confirm, before the router sees the click.
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
      if (window.confirm(leaveQuestion())) {
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

/** The place of the browser's current entry in the app's history, as the router numbers its entries. */
function historyIndex(): number | null {
  const state: unknown = window.history.state;
  const idx = state && typeof state === 'object' && 'idx' in state ? state.idx : null;
  return typeof idx === 'number' ? idx : null;
}

/** The router's entry the page shows: where a move the user does not confirm goes back to. */
let shownEntry: number | null = null;
let historyAsks = false;

/**
 * The browser's Back and Forward ask too, while a draft is unsaved. The
 * router hears of them by the popstate event, once the address has changed
 * already; this hears it first, as listeners on window run in the order
 * they were added: call it once before the router starts (main.tsx). If the
 * user stays, the router never hears of the move, and the browser is sent
 * back to the entry the page shows (useShownHistoryEntry keeps it), so the
 * form and its draft stay as they were. Going back to an entry outside the
 * app is a new page load, which beforeunload asks about (useHoldDraft).
 */
export function askBeforeLeavingByHistory() {
  if (historyAsks) return;
  historyAsks = true;
  let undoing = false;
  window.addEventListener('popstate', (event) => {
    if (undoing) {
      // The browser back on the entry the page shows: nothing for the router to do.
      undoing = false;
      event.stopImmediatePropagation();
      return;
    }
    if (!leavingLosesDrafts()) return;
    const from = shownEntry;
    const to = historyIndex();
    // Not a move between the router's entries (a #fragment of the same page).
    if (from === null || to === null || from === to) return;
    if (window.confirm(leaveQuestion())) {
      discardDrafts();
      return;
    }
    event.stopImmediatePropagation();
    undoing = true;
    window.history.go(from - to);
  });
}

/** Keeps the entry the page shows, for askBeforeLeavingByHistory. */
export function useShownHistoryEntry() {
  const { key } = useLocation();
  useEffect(() => {
    shownEntry = historyIndex();
  }, [key]);
}
