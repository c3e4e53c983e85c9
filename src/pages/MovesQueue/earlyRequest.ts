import { earlyHandoff } from '../../app/earlyHandoff';
import type { AppDispatch } from '../../app/store';
import { getMovesQueue, queueQueryKey } from '../../entities/queue/queueSlice';
import { toQuery, viewOf } from './useQueueView';

/**
 * The queue's first request, sent when the app opens on the queue, before
 * React's first render: the rows are then on their way while the page is
 * built, instead of after it (the queue would ask from an effect, once its
 * first render is on screen). The queue's first ask takes it, by its
 * queueQueryKey, instead of sending its own if it asks for the same view.
 */
const early = earlyHandoff<unknown>();

/** Sends the request for the queue view that `search` (the URL's) names. */
export function requestQueueEarly(dispatch: AppDispatch, search: string): void {
  const query = toQuery(viewOf(new URLSearchParams(search)));
  early.start(queueQueryKey(query), dispatch(getMovesQueue(query)));
}

export const takeEarlyRequest = early.take;
