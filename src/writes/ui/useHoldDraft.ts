import { useEffect } from 'react';
import { holdDraft, leavingLosesDrafts } from '../drafts';

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
