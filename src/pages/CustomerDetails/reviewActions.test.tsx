import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { seededMove } from '../../../mocks/testApi';
import { findAlert } from '../../test/liveRegions';
import { recordRequests, type RecordedRequest } from '../../test/recordRequests';
import { renderRoute } from '../../test/renderWithProviders';

// Approve and Reject on one record, each judged on its own after a conflict:
// whether the decision the user made is still possible on the latest version.

const locator = SEED_LOCATORS.submitted;
const held = () => seededMove(locator);

/** The move's page, open on the card of one shipment. */
async function openShipment(number: number) {
  const view = renderRoute(`/moves/${locator}/details`);
  const page = within(view.container);
  const card = within(
    await page.findByRole('region', { name: new RegExp(`^Shipment ${number}:`) }),
  );
  return { ...view, card };
}

const rejectWrites = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reject'));

describe('Reviewing a shipment after a colleague’s change', () => {
  it('rejects a shipment again on its latest version after a colleague edited it, on a move not yet approved', async () => {
    const tab = await openShipment(2);
    const loaded = held().shipments[1];
    // A colleague's edit: a new eTag, and a change the page shows.
    db.save('shipment', held().rows.shipments[1].id, { counselorRemarks: 'Call before arriving' });
    const fresh = held().shipments[1];
    const requests = recordRequests();

    await tab.user.click(tab.card.getByRole('button', { name: 'Reject shipment 2' }));
    await tab.user.type(
      tab.card.getByLabelText('Reason for rejecting this shipment'),
      'Duplicate of shipment 1',
    );
    await tab.user.click(tab.card.getByRole('button', { name: 'Confirm rejection' }));

    // Approve is not offered on a move not yet approved; Reject still is, so it is not moot.
    const alert = await findAlert('Someone else changed this shipment', tab.container);
    expect(alert).toHaveTextContent("Counselor remarks: (empty) → 'Call before arriving'");
    expect(alert).not.toHaveTextContent('nothing more to do');
    await tab.user.click(within(alert).getByRole('button', { name: 'Reject again' }));

    expect(await tab.card.findByText('Rejected', { selector: 'dd' })).toBeVisible();
    expect(held().shipments[1]).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Duplicate of shipment 1',
      counselorRemarks: 'Call before arriving',
    });
    // Once refused on the eTag loaded, once accepted on the colleague's.
    expect(rejectWrites(requests).map((r) => r.ifMatch)).toEqual([loaded.eTag, fresh.eTag]);
    expect(rejectWrites(requests)[1].body).toEqual({ rejectionReason: 'Duplicate of shipment 1' });
  });
});
