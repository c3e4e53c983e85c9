// The edit forms open with unsaved changes, so that what would throw them
// away (resetting the mock data, leaving the page) can ask first. A form
// counts while its draft differs from the version it is based on; a form
// opened and left as it was is no draft. Readable outside React
// (subscribeToDrafts / unsavedDrafts, in the shape useSyncExternalStore
// takes); the drafts themselves stay in their forms.

const open = new Map<object, string>();
const listeners = new Set<() => void>();
let names: readonly string[] = [];

function changed() {
  names = [...open.values()];
  for (const listener of listeners) listener();
}

/**
 * Names an open form's unsaved draft ("Customer info") until the returned
 * function is called: when the form closes, or its draft is the same as
 * its base again.
 */
export function holdDraft(name: string): () => void {
  const key = {};
  open.set(key, name);
  changed();
  return () => {
    if (open.delete(key)) changed();
  };
}

export function subscribeToDrafts(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The names of the open forms with unsaved changes, in the order they were changed; a new array only when they change. */
export const unsavedDrafts = (): readonly string[] => names;

/**
 * The user chose to throw the open drafts away (a reset of the mock data,
 * and the reload after it): none is held any more, so leaving the page
 * asks nothing.
 */
export function discardDrafts() {
  if (open.size === 0) return;
  open.clear();
  changed();
}

/** Whether leaving the page now would lose changes the user did not choose to throw away. */
export const leavingLosesDrafts = () => names.length > 0;

/** "1 edit form has unsaved changes: Customer info." */
export function describeDrafts(drafts: readonly string[]): string {
  const forms = drafts.length === 1 ? '1 edit form has' : `${drafts.length} edit forms have`;
  return `${forms} unsaved changes: ${drafts.join(', ')}.`;
}
