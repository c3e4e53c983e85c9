import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/ApiError';
import { useAppDispatch } from '../../app/hooks';
import { openMove } from '../../entities/recentMoves';
import { loadMoveDetails, takeEarlyLoad, type MoveDetailsIds } from './loadMoveDetails';

export type MoveDetailsLoad =
  | { state: 'loading' }
  | { state: 'loaded'; moveTaskOrderID: string; orderID: string; customerID: string }
  | { state: 'failed'; error: ApiError };

/**
 * Loads everything the customer details page shows into the store (see
 * loadMoveDetails), or takes the load started for this move before the page
 * rendered (startLoadingEarly: on opening the app, or the queue's link).
 */
export function useMoveDetails(locator: string): MoveDetailsLoad {
  const dispatch = useAppDispatch();
  // The load of which locator is shown; a new locator is loading until its
  // own answer arrives.
  const [answer, setAnswer] = useState<{ locator: string; load: MoveDetailsLoad } | null>(null);
  // The load of this page's locator, kept while the page shows it: an effect
  // run again for the same locator (StrictMode runs each twice) waits for
  // it instead of loading everything again.
  const loading = useRef<{ locator: string; ids: Promise<MoveDetailsIds> } | null>(null);

  useEffect(() => {
    let current = true;
    if (loading.current?.locator !== locator) {
      loading.current = {
        locator,
        ids: takeEarlyLoad(locator) ?? loadMoveDetails(dispatch, locator),
      };
    }
    loading.current.ids.then(
      (ids) => {
        if (!current) return;
        // The move on screen: the store keeps its records (entities/recentMoves.ts).
        dispatch(openMove(ids.moveTaskOrderID));
        setAnswer({ locator, load: { state: 'loaded', ...ids } });
      },
      (error: ApiError) => current && setAnswer({ locator, load: { state: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [dispatch, locator]);

  return answer?.locator === locator ? answer.load : { state: 'loading' };
}
