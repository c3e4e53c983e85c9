// "The server may have changed": the user came back to the tab (focus, or it
// became visible), or, in mock mode, another tab changed the mock's data.
// Pages listen and check whether what they show is still the latest.
type Listener = () => void;

const listeners = new Set<Listener>();

/** Tells every listener to check; main.tsx calls it on the mock's change notices. */
export function serverMayHaveChanged() {
  for (const listener of listeners) listener();
}

export function onServerMayHaveChanged(listener: Listener): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') listener();
  };
  listeners.add(listener);
  window.addEventListener('focus', listener);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('focus', listener);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
