import {
  createContext,
  useCallback,
  useContext,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { FocusedAlert } from './FocusedAlert';

/**
 * Which result note the page shows: only the newest. Each action says what
 * came of it right above its own controls, where the user pressed; an older
 * note elsewhere on the page goes when a newer one comes, so two green
 * alerts never stack.
 */
class Notes {
  private latest = 0;
  private shown = 0;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = () => this.shown;

  /** A new note: the one shown from now on. */
  claim(): number {
    this.latest += 1;
    this.shown = this.latest;
    for (const listener of this.listeners) listener();
    return this.shown;
  }
}

const NotesContext = createContext(new Notes());

/** One page's notes: a page shows one at a time. */
export function ResultNotes({ children }: { children: ReactNode }) {
  const [notes] = useState(() => new Notes());
  return <NotesContext value={notes}>{children}</NotesContext>;
}

/**
 * A place for one result note: `say` shows it (and hides any older note of
 * the page), `clear` takes it away; `note` is what is shown, if anything.
 */
export function useResultNote<T>() {
  const notes = useContext(NotesContext);
  const [mine, setMine] = useState<{ id: number; value: T } | null>(null);
  // Whether this note is the newest, not which is: a new note re-renders
  // only the place it shows in and the one it replaces.
  const mineID = mine?.id ?? -1;
  const newest = useSyncExternalStore(notes.subscribe, () => notes.current() === mineID);
  const say = useCallback((value: T) => setMine({ id: notes.claim(), value }), [notes]);
  const clear = useCallback(() => setMine(null), []);
  return { note: mine && newest ? mine.value : null, say, clear };
}

interface ResultNoteProps {
  type?: 'success' | 'info';
  heading: string;
  body?: string;
  /** Focus moves to the note whenever this changes. */
  news: unknown;
  /** One line (the default), or a heading over its body. */
  slim?: boolean;
  children?: ReactNode;
}

/** What came of an action, where the user pressed: it takes the focus, the user's next step. */
export function ResultNote({
  type = 'success',
  heading,
  body,
  news,
  slim = true,
  children,
}: ResultNoteProps) {
  return (
    <FocusedAlert type={type} heading={heading} body={body} news={news} slim={slim}>
      {children}
    </FocusedAlert>
  );
}
