import type { AppDispatch } from '../../app/store';
import { getMovesQueue, queueQueryKey } from '../../entities/queue/queueSlice';
import { toQuery, viewOf } from './useQueueView';

/**
 * The queue's first request, sent by main.tsx when the app opens on the
 * queue, before React's first render: the rows are then on their way while
 * the page is built, instead of after it (the queue would ask from an effect,
 * once its first render is on screen). The queue's first ask takes it instead
 * of sending its own, if it asks for the same view.
 */
let early: { key: string; request: Promise<unknown> } | null = null;

/** Sends the request for the queue view that `search` (the URL's) names. */
export function requestQueueEarly(dispatch: AppDispatch, search: string): void {
  const query = toQuery(viewOf(new URLSearchParams(search)));
  early = { key: queueQueryKey(query), request: dispatch(getMovesQueue(query)) };
}

/**
 * The early request, if it is for this query (a queueQueryKey); taken once,
 * by the first ask, whatever that asks for. The request is settled when its
 * answer (or error) is in the store.
 */
export function takeEarlyRequest(key: string): Promise<unknown> | null {
  const taken = early?.key === key ? early.request : null;
  early = null;
  return taken;
}
