import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { skipToken } from '@reduxjs/toolkit/query/react';
import type { ApiError } from '../../api/ApiError';
import type { QueueMove } from '../../api/models';
import { useAppDispatch, useAppSelector, useAppStore } from '../../app/hooks';
import { getMovesQueue, type QueueQuery } from '../../entities/queue/queueApi';
import { toQuery, type QueueView } from './useQueueView';

/** A quicker answer replaces the rows without a loading state in between. */
export const LOADING_DELAY_MS = 150;

/**
 * When a queue was last left. A request sent before then is not taken on the
 * way back: the rows may have changed since, by this user's own writes too.
 */
let queueLeftAt = 0;

interface Answered {
  /** The query the latest answer is for, and RTK Query's key for it. */
  query: QueueQuery;
  key: string;
  /** Why it failed; the rows are then the last good answer's. */
  error: ApiError | null;
  /** The query of the rows on screen: the last good answer's. */
  rowsQuery: QueueQuery | null;
}

const NO_ROWS: QueueMove[] = [];

/**
 * The queue's rows, from RTK Query: `ask` asks for a view and renders
 * nothing; the answer is shown when it comes, if its view is still the last
 * asked for (an older one that comes back late is never shown). Asking again
 * for a view already on its way sends nothing: the queue's first ask takes
 * the request main.tsx sent before the first render (startLoadingEarly), in
 * flight or answered. Every other ask goes to the server, as the rows are
 * others' to change.
 *
 * `shown` is the query of the latest answer (its page, sort and filters
 * describe the table), `error` why it failed, and `loading` whether to say
 * so: at once while there is no answer, and after LOADING_DELAY_MS for
 * another view, so a quick answer replaces the rows in one frame.
 */
export function useQueueRows() {
  const dispatch = useAppDispatch();
  const store = useAppStore();
  const [answered, setAnswered] = useState<Answered | null>(null);
  // The page's subscription keeps the rows on screen in the cache. It is
  // only ever given an answered query: given a failed one, it would ask again.
  // The rows are read with the endpoint's own selector: useQuery's state half
  // rendered the queue a second time per answer (the bench's re-render count).
  const rowsQuery = answered?.rowsQuery ?? skipToken;
  getMovesQueue.useQuerySubscription(rowsQuery);
  const selectRows = useMemo(() => getMovesQueue.select(rowsQuery), [rowsQuery]);
  const data = useAppSelector((state) => selectRows(state).data);

  // The key of a request that has gone unanswered for LOADING_DELAY_MS; set
  // only when it changes, as even a set to the same value can cost a render.
  const [slowKey, setSlowKey] = useState<string | null>(null);
  const slow = useRef<string | null>(null);
  const setSlow = useCallback((key: string | null) => {
    if (slow.current === key) return;
    slow.current = key;
    setSlowKey(key);
  }, []);
  const latest = useRef<object | null>(null);
  const slowTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const ask = useCallback(
    (view: QueueView) => {
      const query = toQuery(view);
      // The first ask takes a request for its view sent since a queue was last
      // left (main.tsx's, before the first render); every other asks the server.
      const takeEarly =
        latest.current === null &&
        (getMovesQueue.select(query)(store.getState()).startedTimeStamp ?? -1) >= queueLeftAt;
      // Not a subscription: an answer is the page's once shown (the hook above).
      const request = dispatch(
        getMovesQueue.initiate(query, { subscribe: false, forceRefetch: !takeEarly }),
      );
      latest.current = request;
      const key = request.queryCacheKey;
      clearTimeout(slowTimer.current);
      const timer = setTimeout(() => setSlow(key), LOADING_DELAY_MS);
      slowTimer.current = timer;
      void request.then((result) => {
        clearTimeout(timer);
        if (latest.current !== request) return;
        // The base query turns every failure into an ApiError.
        const error = result.isError ? (result.error as ApiError) : null;
        // The same rows answered again (the server may have changed, and had
        // not): nothing to render.
        setAnswered((last) =>
          last?.key === key && !last.error && !error
            ? last
            : { query, key, error, rowsQuery: error ? (last?.rowsQuery ?? null) : query },
        );
        setSlow(null);
      });
    },
    [dispatch, store, setSlow],
  );

  useEffect(
    () => () => {
      queueLeftAt = Date.now();
    },
    [],
  );

  return {
    rows: data?.rows ?? NO_ROWS,
    totalCount: data?.totalCount ?? 0,
    shown: answered?.query ?? null,
    error: answered?.error ?? null,
    loading: answered === null || (slowKey !== null && slowKey !== answered.key),
    ask,
  };
}
