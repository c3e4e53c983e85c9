import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../../api/ApiError';
import type { Versioned } from '../../api/models';
import { savedAt } from '../../components/format';
import { useAppDispatch, useAppSelector, useAppStore } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { describeChanges, type Change, type DisplayField } from '../changes';
import { selectWriteInFlight } from '../inFlight';
import type { Attempt } from '../wording';
import { loadsLatestAfter, outcomeOf, type Latest, type Outcome } from '../outcome';
import { confirmedOwnVersion, selectOwnWritesBetween, typePrefixOf } from '../ownWrites';
import { settled, type ApiThunkAction } from '../thunks';
import { useLatestVersion } from './useLatestVersion';

export interface Recovery {
  error: ApiError;
  /** What became of the write, as far as the latest version tells. */
  outcome: Outcome;
  /** The latest version was loaded after the failure; if not, the page shows an older one. */
  latestLoaded: boolean;
  /** What changed since the user loaded the record, field by field. */
  changes: Change[];
  /** When the latest version was written, if the record says (its updatedAt). */
  changedAt: string | null;
  /** Why doing it again makes no sense on the latest version, if it doesn't. */
  moot: string | null;
  /** What was attempted, when the action says it in words of its own. */
  attempt?: Attempt;
}

/** Whether an action is done: answered, or confirmed by the latest version after a lost answer. */
export type ActionDone = 'done' | 'confirmed' | false;

/** One action on a record: the write on a version of it, and how a version shows it done. */
export interface RecordAction<R> {
  /** Sends the write with `version.eTag` as If-Match. */
  write: (version: R) => ApiThunkAction;
  done: (version: R) => boolean;
  /**
   * The record's fields the write may change. A version that shows it done
   * after a lost answer is then the user's own, as an answer would be, when
   * nothing else changed in it (ownWrites confirmedOwnVersion); without
   * them it is never taken as theirs.
   */
  fields?: string[];
  /** It may take effect and leave the record's eTag as it was (outcome.ts). */
  keepsVersion?: boolean;
  /** What it attempts, when not what its button's words say (wording.ts attemptOf). */
  attempt?: Attempt;
}

interface RecordActionOptions<R> {
  recordID: string;
  select: (state: RootState) => R | undefined;
  /** Fetches the latest version of the record into the store. */
  refetch: () => ApiThunkAction;
  fields: DisplayField<R>[];
  moot?: (latest: R) => string | null;
  /**
   * Where the recovery is kept, when it must outlive the page (Send to
   * Prime's step 1, whose job goes on after the user leaves): the page's
   * own state otherwise.
   */
  recoveryState?: [Recovery | null, (recovery: Recovery | null) => void];
}

/** A write that was sent: its type prefix, and the fields it may change. */
interface Sent {
  by: string;
  fields?: string[];
}

interface Unchecked<R> {
  error: ApiError;
  /** The version the failed write was sent on. */
  base: R;
  write: Sent;
}

/**
 * Runs an action (Send to Prime, Approve) on one record, on the version the
 * page shows: the write goes with that version's eTag. On a failure it loads
 * the latest version and judges what happened (outcome.ts). A 412 whose
 * newer version only the user's own writes in this tab made is no conflict:
 * the action is sent again on it, once, unasked. Anything else is shown
 * (RecoveryAlert): what changed, whether the write took effect after all,
 * and the same action again on the latest version in one click. It never
 * resends on a version it could not load: the first attempt may have been
 * applied.
 */
export function useRecordAction<R extends Versioned>({
  recordID,
  select,
  refetch,
  fields,
  moot,
  recoveryState,
}: RecordActionOptions<R>) {
  const store = useAppStore();
  const dispatch = useAppDispatch();
  const inFlight = useAppSelector((state) => selectWriteInFlight(state, recordID));
  const pageRecovery = useState<Recovery | null>(null);
  const [recovery, setRecovery] = recoveryState ?? pageRecovery;
  const lastAction = useRef<RecordAction<R> | null>(null);
  // A failure after which the latest version could not be loaded: the next
  // attempt loads it before it sends anything.
  const unchecked = useRef<Unchecked<R> | null>(null);
  const { load: loadLatest, loading: loadingLatest } = useLatestVersion(refetch, select);

  const judge = useCallback(
    (error: ApiError, base: R, found: Latest<R>, action: RecordAction<R>): Outcome =>
      outcomeOf({
        failure: error,
        base,
        latest: found,
        done: action.done,
        keepsVersion: action.keepsVersion,
        ownWritesBetween: (from, to) => selectOwnWritesBetween(store.getState(), from, to),
      }),
    [store],
  );

  /**
   * A write with no answer that the latest version shows done made that
   * version: noted as the user's own when only the write's fields changed,
   * so that a form or an action on the version before it (TIO remarks open
   * while a shipment's approval lost its answer) moves onto it unasked.
   */
  const confirmOwn = useCallback(
    (base: R, latest: R | undefined, write: Sent) => {
      const confirmed =
        latest && write.fields && confirmedOwnVersion(base, latest, write.fields, write.by);
      if (confirmed) dispatch(confirmed);
    },
    [dispatch],
  );

  const recover = useCallback(
    (
      error: ApiError,
      base: R,
      found: Latest<R>,
      outcome: Outcome,
      action: RecordAction<R>,
      write: Sent,
    ) => {
      if (outcome.kind === 'saved') confirmOwn(base, found.latest, write);
      unchecked.current = found.loaded ? null : { error, base, write };
      const { latest } = found;
      setRecovery({
        error,
        outcome,
        latestLoaded: found.loaded,
        changes: latest ? describeChanges(fields, base, latest) : [],
        changedAt: latest && latest.eTag !== base.eTag ? savedAt(latest) : null,
        moot: found.loaded && latest && moot && outcome.kind !== 'saved' ? moot(latest) : null,
        attempt: action.attempt,
      });
    },
    [confirmOwn, fields, moot, setRecovery],
  );

  /**
   * Sends the action on `base`; on a 412 from the user's own newer version,
   * once more on it. Whether the action is done: 'done' when answered,
   * 'confirmed' when the latest version shows it done after a lost answer
   * (which the recovery then says), false when not.
   */
  const send = useCallback(
    async (action: RecordAction<R>, first: R): Promise<ActionDone> => {
      let base = first;
      for (let attempt = 0; ; attempt += 1) {
        const answer = await dispatch(action.write(base));
        const result = settled(answer);
        if (result.status === 'fulfilled') return 'done';
        if (result.status === 'skipped') return false;
        const { error } = result;
        const found = loadsLatestAfter(error)
          ? await loadLatest()
          : { latest: select(store.getState()), loaded: true };
        const outcome = judge(error, base, found, action);
        const { latest } = found;
        const ownNewer =
          error.kind === 'conflict' && outcome.kind === 'changed' && outcome.by === 'you';
        if (attempt === 0 && ownNewer && latest && !moot?.(latest)) {
          base = latest;
          continue;
        }
        recover(error, base, found, outcome, action, {
          by: typePrefixOf(answer.type),
          fields: action.fields,
        });
        return outcome.kind === 'saved' && 'confirmed';
      }
    },
    [dispatch, judge, loadLatest, moot, recover, select, store],
  );

  const run = useCallback(
    async (action: RecordAction<R>): Promise<ActionDone> => {
      let base = select(store.getState());
      if (!base) return false;
      lastAction.current = action;
      // Only when one is shown: even a set to the same value can render the
      // page again, and that render would draw the store's latest state.
      if (recovery !== null) setRecovery(null);
      const pending = unchecked.current;
      if (pending) {
        const found = await loadLatest();
        const { latest } = found;
        // Saved after all, changed, gone, or still unknown: say so, send nothing.
        if (
          !found.loaded ||
          !latest ||
          latest.eTag !== pending.base.eTag ||
          (action.keepsVersion && action.done(latest))
        ) {
          const outcome = judge(pending.error, pending.base, found, action);
          recover(pending.error, pending.base, found, outcome, action, pending.write);
          return outcome.kind === 'saved' && 'confirmed';
        }
        unchecked.current = null;
        base = latest;
      }
      return send(action, base);
    },
    [judge, loadLatest, recover, recovery, select, send, setRecovery, store],
  );

  const redo = useCallback(
    () => (lastAction.current ? run(lastAction.current) : Promise.resolve(false as const)),
    [run],
  );

  return { run, redo, recovery, pending: inFlight || loadingLatest };
}
