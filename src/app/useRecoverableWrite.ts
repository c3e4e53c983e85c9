import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/ApiError';
import { describeChanges, type Change, type DisplayField } from '../components/changes';
import { selectWriteInFlight } from '../entities/writesInFlight';
import { useAppDispatch, useAppSelector, useAppStore, type ApiThunkAction } from './hooks';
import type { RootState } from './store';

export interface Recovery {
  error: ApiError;
  /** What a colleague changed since the user loaded the record, field by field. */
  changes: Change[];
  /** When the latest version was written (its updatedAt). */
  changedAt: string | null;
  /** The record no longer exists. */
  gone: boolean;
  /** Why doing it again makes no sense on the latest version, if it doesn't. */
  moot: string | null;
}

interface RecoverableWriteOptions<R> {
  recordID: string;
  select: (state: RootState) => R | undefined;
  /** Fetches the latest version of the record into the store. */
  refetch: () => ApiThunkAction;
  fields: DisplayField<R>[];
  moot?: (latest: R) => string | null;
}

// After these the record may differ from what the user saw: fetch it again.
const REFETCH_AFTER = new Set<ApiError['kind']>([
  'conflict',
  'timeout',
  'businessRule',
  'notFound',
]);

/**
 * Runs a write on one record with the eTag of the version the user sees. On
 * a failure it fetches the latest version at once and says what changed, so
 * the user can redo the same action on it, with its fresh eTag, in one click.
 */
export function useRecoverableWrite<R extends { eTag: string; updatedAt: string }>({
  recordID,
  select,
  refetch,
  fields,
  moot,
}: RecoverableWriteOptions<R>) {
  const store = useAppStore();
  const dispatch = useAppDispatch();
  const inFlight = useAppSelector((state) => selectWriteInFlight(state, recordID));
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const lastWrite = useRef<((eTag: string) => ApiThunkAction) | null>(null);

  const run = useCallback(
    async (write: (eTag: string) => ApiThunkAction): Promise<boolean> => {
      const base = select(store.getState());
      if (!base) return false;
      lastWrite.current = write;
      setRecovery(null);
      const result = await dispatch(write(base.eTag));
      if (result.meta.requestStatus === 'fulfilled') return true;
      // Refused before sending: another write on this record is running.
      if ((result.meta as { condition?: boolean }).condition) return false;

      const { payload, error: thrown } = result as { payload?: ApiError; error: unknown };
      const error = payload ?? toApiError(thrown);
      if (REFETCH_AFTER.has(error.kind)) await dispatch(refetch());
      const latest = select(store.getState());
      const gone = error.kind === 'notFound' || !latest;
      setRecovery({
        error,
        changes: latest ? describeChanges(fields, base, latest) : [],
        changedAt: latest && latest.eTag !== base.eTag ? latest.updatedAt : null,
        gone,
        moot: latest && moot ? moot(latest) : null,
      });
      return false;
    },
    [dispatch, fields, moot, refetch, select, store],
  );

  const redo = useCallback(
    () => (lastWrite.current ? run(lastWrite.current) : Promise.resolve(false)),
    [run],
  );
  const dismiss = useCallback(() => setRecovery(null), []);

  return { run, redo, dismiss, recovery, pending: inFlight };
}
