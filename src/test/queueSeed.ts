import { db } from '../../mocks/db';

/** How many moves the seed needs for a queue of 45: the TOO's queue leaves out its 6 approved ones. */
const MOVES_FOR_45_IN_QUEUE = 51;

/** Seeds a queue of 45 moves (three pages of 20); fails at once if the seed no longer gives that. */
export function seedQueueOf45(): void {
  db.reset({ moves: MOVES_FOR_45_IN_QUEUE });
  const waiting = db.all('move').filter((move) => move.status !== 'APPROVED').length;
  if (waiting !== 45) throw new Error(`The seed's queue holds ${waiting} moves, not 45`);
}
