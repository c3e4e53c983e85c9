import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Focus for an element that is not on the page yet: the button that comes
 * back when a form closes. `focusLater` asks for it; it is focused once the
 * page has rendered what the click changed.
 */
export function useFocusLater<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked > 0) ref.current?.focus();
  }, [asked]);
  const focusLater = useCallback(() => setAsked((count) => count + 1), []);
  return { ref, focusLater };
}
