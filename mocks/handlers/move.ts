import { http } from 'msw';
import { db } from '../db';
import { API, param, problem, read, recordResponse } from '../http';
import type { MoveRecord, Schemas } from '../records';

/** The Move shape of the move record: the MoveTaskOrder without its referenceId. */
export function toMove({ referenceId: _referenceId, ...move }: MoveRecord): Schemas['Move'] {
  return move;
}

export const moveHandlers = [
  http.get(
    `${API}/move/:locator`,
    read(({ params }) => {
      const locator = param(params, 'locator');
      const move = db.moveByLocator(locator);
      return move ? recordResponse(toMove(move)) : problem(404, `There is no move ${locator}.`);
    }),
  ),
];
