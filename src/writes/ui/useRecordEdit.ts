import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ApiError } from '../../api/ApiError';
import type { Versioned } from '../../api/models';
import { useAppDispatch, useAppSelector, useAppStore } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { savedAt } from '../../components/format';
import {
  changedNames,
  fieldsNamedBy,
  mergeOnConflict,
  valuesOf,
  type EditField,
  type Merge,
  type Values,
} from '../formValues';
import { DATE_HINT, parseDate } from '../dates';
import { selectWriteInFlight } from '../inFlight';
import { loadsLatestAfter, outcomeOf, type Outcome } from '../outcome';
import { confirmedOwnVersion, selectOwnWritesBetween, typePrefixOf } from '../ownWrites';
import { settled, type ApiThunkAction } from '../thunks';
import { describeOwnRebase } from '../wording';
import { useLatestVersion } from './useLatestVersion';

export interface EditConflict {
  merge: Merge;
  /** When the newer version was saved, if the record says. */
  changedAt: string | null;
  /** Who made it: 'you' only when the user's own writes in this tab changed a field they edited. */
  by: 'you' | 'someoneElse';
}

export interface EditState<R> {
  /** The version the draft is based on, and its fields as the form's strings; null if the record is gone. */
  base: { record: R; values: Values } | null;
  draft: Values;
  conflict: EditConflict | null;
  /** For each field both changed: whose value to keep, once the user picked. */
  picks: Record<string, 'mine' | 'theirs'>;
  missingPicks: boolean;
  /** Why the last save failed, and what became of it. */
  error: { error: ApiError; outcome: Outcome } | null;
  fieldErrors: Record<string, string>;
  gone: boolean;
  /** A save that got no verdict, when its latest version could not be loaded: the next Save looks first. */
  unchecked: ApiError | null;
  /** The user's own writes the draft was rebased over, unasked, by type prefix. */
  rebasedOver: string[];
}

export type EditAction<R> =
  | { type: 'typed'; name: string; value: string }
  | { type: 'picked'; name: string; choice: 'mine' | 'theirs' }
  /** The form found problems before anything was sent. */
  | { type: 'invalid'; fieldErrors: Record<string, string> }
  | { type: 'picksMissing' }
  | { type: 'sending' }
  | { type: 'failed'; error: ApiError; fieldErrors?: Record<string, string>; unchecked?: boolean }
  | { type: 'gone'; error: ApiError }
  /** A newer version came: the draft moves onto it (its fields as `fields` read them). */
  | {
      type: 'rebased';
      latest: R;
      fields: EditField[];
      by: 'you' | 'someoneElse';
      writes: string[];
    };

export function initialEditState<R extends Versioned>(
  current: R | undefined,
  fields: EditField[],
): EditState<R> {
  const base = current ? { record: current, values: valuesOf(current, fields) } : null;
  return {
    base,
    draft: base?.values ?? {},
    conflict: null,
    picks: {},
    missingPicks: false,
    error: null,
    fieldErrors: {},
    gone: base === null,
    unchecked: null,
    rebasedOver: [],
  };
}

/** The form's state, from what the user typed and what the server answered. */
export function editReducer<R extends Versioned>(
  state: EditState<R>,
  action: EditAction<R>,
): EditState<R> {
  switch (action.type) {
    case 'typed':
      return { ...state, draft: { ...state.draft, [action.name]: action.value } };
    case 'picked': {
      const entry = state.conflict?.merge.both.find((e) => e.name === action.name);
      if (!entry) return state;
      return {
        ...state,
        picks: { ...state.picks, [action.name]: action.choice },
        draft: {
          ...state.draft,
          [action.name]: action.choice === 'mine' ? entry.mine : entry.theirs,
        },
      };
    }
    case 'invalid':
      return { ...state, fieldErrors: action.fieldErrors };
    case 'picksMissing':
      return { ...state, missingPicks: true };
    case 'sending':
      return { ...state, error: null, fieldErrors: {}, missingPicks: false };
    case 'failed':
      return {
        ...state,
        error: {
          error: action.error,
          outcome: action.unchecked ? { kind: 'unknown' } : { kind: 'notSaved' },
        },
        fieldErrors: action.fieldErrors ?? {},
        unchecked: action.unchecked ? action.error : null,
      };
    case 'gone':
      return {
        ...state,
        gone: true,
        error: { error: { ...action.error, kind: 'notFound' }, outcome: { kind: 'gone' } },
      };
    case 'rebased': {
      if (!state.base) return state;
      const { latest, fields, by, writes } = action;
      const latestValues = valuesOf(latest, fields);
      const merge = mergeOnConflict(state.base.values, state.draft, latestValues, fields);
      const asks = by === 'someoneElse' || merge.both.length > 0;
      return {
        ...state,
        base: { record: latest, values: latestValues },
        draft: merge.draft,
        // The user's own writes ask nothing of them, unless they changed a field the draft did.
        conflict: asks ? { merge, changedAt: savedAt(latest), by } : state.conflict,
        picks: asks ? {} : state.picks,
        unchecked: null,
        rebasedOver: by === 'you' ? [...state.rebasedOver, ...writes] : state.rebasedOver,
      };
    }
  }
}

/** What the form itself can tell is wrong with a field before anything is sent. */
function fieldProblem(field: EditField, value: string): string | undefined {
  if (field.type === 'checkbox') return undefined;
  if (field.required && value.trim() === '') return `Enter ${field.label.toLowerCase()}.`;
  if (field.type === 'date' && value.trim() !== '' && parseDate(value) === null) {
    return `${field.label} must be a real day. ${DATE_HINT}.`;
  }
  if (value !== '' && field.pattern && !field.pattern.regex.test(value)) {
    return `${field.label} ${field.pattern.message}.`;
  }
  return undefined;
}

export interface RecordEditOptions<R> {
  /** What is edited, for messages: "customer", "orders". */
  record: string;
  recordID: string;
  fields: EditField[];
  select: (state: RootState) => R | undefined;
  refetch: () => ApiThunkAction;
  /** The request body: the draft on the version it is based on, with the names of the changed fields. */
  body: (base: R, draft: Values, changed: string[]) => unknown;
  save: (ifMatchETag: string, body: unknown) => ApiThunkAction;
  /** The form is done: saved or not, with what to tell the user about it. */
  onClose: (saved: boolean, note?: string) => void;
  focusField: (name: string) => void;
  focusConflict: () => void;
}

/**
 * Edits one record: the draft lives here, not in Redux. Save sends only the
 * changed fields with the eTag of the version the draft is based on. A
 * newer version made only by the user's own writes in this tab (Send to
 * Prime while the form was open) is no conflict: the draft moves onto it
 * unasked, before sending if the store has it, after the 412 if not, and the
 * form says so when it closes. Anyone else's newer version keeps the draft,
 * rebases it, and shows what they changed (ConflictPanel); saving again
 * sends the user's changes on top of theirs with the fresh eTag.
 */
export function useRecordEdit<R extends Versioned>({
  record,
  recordID,
  fields,
  select,
  refetch,
  body,
  save,
  onClose,
  focusField,
  focusConflict,
}: RecordEditOptions<R>) {
  const store = useAppStore();
  const dispatch = useAppDispatch();
  const writing = useAppSelector((state) => selectWriteInFlight(state, recordID));
  const { load: loadLatest, loading: loadingLatest } = useLatestVersion(refetch, select);
  const [state, dispatchLocal] = useReducer(editReducer<R>, undefined, () =>
    initialEditState(select(store.getState()), fields),
  );
  // Every change goes through act, so the save's steps, between awaits,
  // read the state as it is now: the same reducer, the same actions.
  const current = useRef(state);
  const act = useCallback((action: EditAction<R>) => {
    current.current = editReducer(current.current, action);
    dispatchLocal(action);
  }, []);

  const ownWritesBetween = useCallback(
    (from: R, to: R) => selectOwnWritesBetween(store.getState(), from, to),
    [store],
  );

  /** Moves the draft onto a newer version; true when that asks the user to review it (a new conflict). */
  const rebase = useCallback(
    (latest: R, who: { by: 'you' | 'someoneElse'; writes: string[] }) => {
      const before = current.current.conflict;
      act({ type: 'rebased', latest, fields, ...who });
      return current.current.conflict !== before;
    },
    [act, fields],
  );

  // A newer version stored while the form is open (Reload in "Updated by
  // someone else", a refetch after another write of the user's) moves the
  // draft onto it at once, as a 412 would: the form never shows values the
  // summary beside it contradicts, and Save goes with the newer eTag. A save
  // under way settles its own versions.
  const held = useAppSelector(select);
  const saving = useRef(false);
  useEffect(() => {
    const base = current.current.base;
    if (saving.current || writing || !held || !base || held.eTag === base.record.eTag) return;
    const writes = ownWritesBetween(base.record, held);
    if (rebase(held, writes ? { by: 'you', writes } : { by: 'someoneElse', writes: [] })) {
      focusConflict();
    }
  }, [held, writing, ownWritesBetween, rebase, focusConflict]);

  // The last save sent: its type prefix and the fields it changed. Its
  // answer lost and the latest version showing the draft, that version is the
  // user's own when nothing but those fields changed in it (ownWrites): a
  // second form on the record, or an action on it, moves onto it unasked.
  const sent = useRef<{ by: string; names: string[] } | null>(null);
  const confirmOwn = useCallback(
    (base: R, latest: R | undefined) => {
      const write = sent.current;
      const confirmed = latest && write && confirmedOwnVersion(base, latest, write.names, write.by);
      if (confirmed) dispatch(confirmed);
    },
    [dispatch],
  );

  const closeSaved = useCallback(() => {
    const { rebasedOver } = current.current;
    onClose(true, rebasedOver.length > 0 ? describeOwnRebase(rebasedOver, record) : undefined);
  }, [onClose, record]);

  const send = useCallback(async () => {
    const start = current.current;
    if (!start.base) return;
    const problems = fields.flatMap((field) => {
      const problem = fieldProblem(field, start.draft[field.name]);
      return problem ? [[field.name, problem] as const] : [];
    });
    if (problems.length > 0) {
      act({ type: 'invalid', fieldErrors: Object.fromEntries(problems) });
      focusField(problems[0][0]);
      return;
    }
    if (start.conflict && start.conflict.merge.both.some((entry) => !start.picks[entry.name])) {
      act({ type: 'picksMissing' });
      focusConflict();
      return;
    }
    if (changedNames(start.draft, start.base.values, fields).length === 0) {
      onClose(false);
      return;
    }
    act({ type: 'sending' });

    /** Whether the latest version shows every change of the draft. */
    const hasDraft = (version: R) => {
      const { base, draft } = current.current;
      const values = valuesOf(version, fields);
      return changedNames(draft, base?.values ?? {}, fields).every(
        (name) => values[name] === draft[name],
      );
    };

    if (start.unchecked) {
      // The last save got no verdict and the latest version could not be
      // loaded: that save may have been applied, so look before sending.
      const found = await loadLatest();
      if (!found.loaded) {
        act({ type: 'failed', error: start.unchecked, unchecked: true });
        return;
      }
      const outcome = outcomeOf({
        failure: start.unchecked,
        base: start.base.record,
        latest: found,
        done: hasDraft,
        ownWritesBetween,
      });
      if (outcome.kind === 'gone') return act({ type: 'gone', error: start.unchecked });
      if (outcome.kind === 'saved') {
        confirmOwn(start.base.record, found.latest);
        return closeSaved();
      }
      if (outcome.kind === 'changed' && found.latest) {
        if (rebase(found.latest, byOf(outcome))) return focusConflict();
      }
    }

    // A newer version the store already holds, made by the user's own
    // writes: the draft moves onto it before anything is sent.
    const held = select(store.getState());
    const base = current.current.base;
    if (held && base && held.eTag !== base.record.eTag) {
      const writes = ownWritesBetween(base.record, held);
      if (writes && rebase(held, { by: 'you', writes })) return focusConflict();
    }

    // A 412 whose newer version only the user's own writes made sends once more on it.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { base: on, draft } = current.current;
      if (!on) return;
      const names = changedNames(draft, on.values, fields);
      // The user's own writes already made every change the draft has.
      if (names.length === 0) return closeSaved();
      const answer = await dispatch(save(on.record.eTag, body(on.record, draft, names)));
      const result = settled(answer);
      if (result.status === 'fulfilled') return closeSaved();
      if (result.status === 'skipped') return;
      sent.current = { by: typePrefixOf(answer.type), names };
      const { error } = result;

      // A 409 refuses the change itself: the form says why, on the draft's version.
      if (loadsLatestAfter(error) && error.kind !== 'businessRule') {
        const found = await loadLatest();
        if (!found.loaded && error.kind !== 'notFound') {
          act({ type: 'failed', error, unchecked: true });
          return;
        }
        const outcome = outcomeOf({
          failure: error,
          base: on.record,
          latest: found,
          done: hasDraft,
          ownWritesBetween,
        });
        if (outcome.kind === 'gone') return act({ type: 'gone', error });
        if (outcome.kind === 'saved') {
          confirmOwn(on.record, found.latest);
          return closeSaved();
        }
        if (outcome.kind === 'changed' && found.latest) {
          if (rebase(found.latest, byOf(outcome))) {
            focusConflict();
            return;
          }
          // Only the user's own writes came between: send again on the latest, once.
          if (error.kind === 'conflict' && attempt === 0) continue;
        }
      }
      const marked =
        error.kind === 'validation' ? fieldsNamedBy(error.invalidFields, error.detail, fields) : {};
      act({ type: 'failed', error, fieldErrors: marked });
      const first = Object.keys(marked)[0];
      if (first) focusField(first);
      return;
    }
  }, [
    act,
    body,
    closeSaved,
    confirmOwn,
    rebase,
    dispatch,
    fields,
    focusConflict,
    focusField,
    loadLatest,
    onClose,
    ownWritesBetween,
    save,
    select,
    store,
  ]);

  const submit = useCallback(async () => {
    if (saving.current) return;
    saving.current = true;
    try {
      await send();
    } finally {
      saving.current = false;
    }
  }, [send]);

  return { state, act, submit, pending: writing || loadingLatest };
}

function byOf(outcome: Extract<Outcome, { kind: 'changed' }>) {
  return outcome.by === 'you'
    ? { by: 'you' as const, writes: outcome.writes }
    : { by: 'someoneElse' as const, writes: [] };
}
