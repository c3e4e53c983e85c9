// @vitest-environment node
// `npm run bench`: how long the mock takes to build 10,000 moves and to answer
// the queue over them. Printed, never asserted: mocks/db.test.ts and
// mocks/handlers/queues.test.ts check the work itself (the moves built whole,
// only a page's rows built per answer, the tables read once per change).
import { describe, expect, it } from 'vitest';
import { db } from '../../../mocks/db';
import { send } from '../../../mocks/testApi';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

const timed = async (work: () => unknown) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

// The query queues.test.ts pages through: a name filter that matches about 1,500 moves.
const QUEUE = '/queues/moves?sort=customerName&customerName=an&perPage=100';

describe('the mock at 10,000 moves', () => {
  it('builds the seed and answers the queue', async () => {
    const rounds = 5;
    const resets: number[] = [];
    const firstAnswers: number[] = [];
    const laterPages: number[] = [];
    // Warm-up: module loading and the first compile of the seed and the queue.
    db.reset({ moves: 10_000 });
    await send('GET', QUEUE);
    for (let round = 0; round < rounds; round += 1) {
      resets.push(await timed(() => db.reset({ moves: 10_000 })));
      // The first answer after a change of the rows gathers the moves to filter and sort.
      firstAnswers.push(await timed(() => send('GET', QUEUE)));
      laterPages.push(await timed(() => send('GET', `${QUEUE}&page=${2 + round}`)));
    }
    console.table({
      'db.reset({ moves: 10_000 })': { median: ms(median(resets)), rounds },
      'queue, first answer after the reset': { median: ms(median(firstAnswers)), rounds },
      'queue, another page': { median: ms(median(laterPages)), rounds },
    });
    expect(resets).toHaveLength(rounds);
  });
});
