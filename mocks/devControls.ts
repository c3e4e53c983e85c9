// What a developer does to the mock from the app's dev tools: start over, or
// play a colleague who changes a record under the user's feet, so that the
// user's next write with the old eTag meets a real 412. Both run like an
// accepted write: in one exclusive step, persisted, noticed by the other tabs.
import { isoDate } from './clock';
import { db } from './db';
import { afterDecision, decision } from './handlers/mtoServiceItem';
import { changesBetween, exclusive, type MockChange } from './persistence';
import { KIND_LABELS, type Kind, type Patch, type RecordOf } from './records';

const TIO_REMARKS = [
  'Hold until orders are amended',
  'Customer asked to move the pickup date; confirm with the Prime',
  'Weight allowance verified against orders',
  'Awaiting updated TAC from the finance office',
];

const DAY_MS = 86_400_000;

/** The next entry after `current`, so every call changes the value, in a fixed order. */
const nextOf = (list: readonly string[], current: string | null) =>
  list[(list.indexOf(current ?? '') + 1) % list.length];

const laterBy = (date: string, days: number) =>
  isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);

type Edit<K extends Kind> = (row: RecordOf[K]) => {
  patch?: Patch<K>;
  says: string;
  then?: () => void;
};

const EDITS: { [K in Kind]: Edit<K> } = {
  move(move) {
    const tioRemarks = nextOf(TIO_REMARKS, move.tioRemarks);
    return { patch: { tioRemarks }, says: `Changed TIO remarks to '${tioRemarks}'` };
  },
  customer(customer) {
    // The last two digits go up by one: still a valid phone, always a different one.
    const phone = (customer.phone ?? '555-555-0100').replace(/\d\d$/, (digits) =>
      String((Number(digits) + 1) % 100).padStart(2, '0'),
    );
    return { patch: { phone }, says: `Changed the customer's phone to ${phone}` };
  },
  order(order) {
    const reportByDate = laterBy(order.reportByDate, 7);
    return {
      patch: { reportByDate },
      says: `Moved the report-by date a week later, to ${reportByDate}`,
    };
  },
  shipment(shipment) {
    if (!shipment.requestedPickupDate)
      return { says: 'Left the shipment as it was: it has no pickup date' };
    const requestedPickupDate = laterBy(shipment.requestedPickupDate, 1);
    return {
      patch: { requestedPickupDate },
      says: `Moved the shipment's requested pickup a day later, to ${requestedPickupDate}`,
    };
  },
  serviceItem(item) {
    const name = `service item ${item.reServiceCode} (${item.reServiceName})`;
    if (item.status !== 'SUBMITTED') {
      return { says: `Left the ${name} as it was: it is ${item.status}, not SUBMITTED` };
    }
    return {
      patch: decision('APPROVED', null, db.now()),
      says: `Approved the ${name}`,
      // Its shipment and move move on as after the TOO's own approval.
      then: () => afterDecision({ ...item, status: 'APPROVED' }),
    };
  },
};

function edit<K extends Kind>(kind: K, id: string): string {
  const row = db.find(kind, id);
  if (!row) throw new Error(`The mock has no ${KIND_LABELS[kind]} ${id}`);
  const { patch, says, then } = EDITS[kind](row);
  if (patch) db.save(kind, id, patch);
  then?.();
  return says;
}

/**
 * Changes the record server-side as a colleague would, exactly like an
 * accepted write (a new eTag), and says what changed in one line.
 */
export async function actAsAnotherUser(kind: Kind, id: string): Promise<string> {
  return exclusive(() => edit(kind, id));
}

/** Back to the seed in every tab. Answers the records that changed, for this tab to refetch. */
export async function resetMockData(): Promise<MockChange[]> {
  return exclusive(() => {
    const before = db.delta();
    db.reset({ moves: before.moves });
    return changesBetween(before, db.delta());
  });
}
