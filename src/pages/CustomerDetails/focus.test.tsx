// Where the focus goes after each action on the move's page: to the user's
// next step (the result, the reason field of the form just opened, the
// button that came back), never to the page's start.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { holdNextAnswer, region } from '../../test/faultSession';
import { findStatus } from '../../test/liveRegions';
import { openApprovedMove, openSubmittedMove } from '../../test/submittedMove';

const shipmentCard = (number: number) => region(new RegExp(`^Shipment ${number}:`));
const mtoRegion = () => region('Move task order');
const customerRegion = () => region('Customer info');
/** The page's result notes: focusable regions that say what came of an action. */
const resultNotes = () =>
  screen
    .queryAllByRole('region')
    .filter((element) => element.classList.contains('usa-alert--success'));

describe('focus after each action', () => {
  it('stays on Send to Prime while it runs, then lands on what came of it', async () => {
    // The server answers once the test has looked at the button.
    const { answer } = holdNextAnswer('patch', 'move-task-orders/:id/status');
    const { user, sendButton } = await openSubmittedMove();

    await user.click(sendButton);
    expect(await screen.findByRole('button', { name: 'Sending to Prime…' })).toHaveFocus();
    answer();

    const done = await within(mtoRegion()).findByRole('region', { name: 'The move was approved' });
    await waitFor(() => expect(done).toHaveFocus());
  });

  it('lands on the result of an approval, where the Approve button was', async () => {
    const { user } = await openApprovedMove();

    await user.click(within(shipmentCard(1)).getByRole('button', { name: 'Approve shipment 1' }));

    const note = await within(shipmentCard(1)).findByRole('region', {
      name: 'Shipment 1 approved.',
    });
    await waitFor(() => expect(note).toHaveFocus());
    // The move's own result gave way: one result on the page at a time.
    expect(resultNotes()).toEqual([note]);
  });

  it('opens the reason field of a rejection, brings Cancel back to Reject, and lands on the result', async () => {
    const { user } = await openApprovedMove();
    const card = within(shipmentCard(2));

    await user.click(card.getByRole('button', { name: 'Reject shipment 2' }));
    const reason = card.getByLabelText('Reason for rejecting this shipment');
    expect(reason).toHaveFocus();

    await user.click(card.getByRole('button', { name: 'Cancel' }));
    expect(card.getByRole('button', { name: 'Reject shipment 2' })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(card.getByLabelText('Reason for rejecting this shipment')).toHaveFocus();
    // An empty reason keeps the user on the field, told why.
    await user.click(card.getByRole('button', { name: 'Confirm rejection' }));
    expect(card.getByLabelText('Reason for rejecting this shipment')).toHaveFocus();
    expect(card.getByText('Enter a reason for the rejection.')).toBeInTheDocument();

    await user.type(card.getByLabelText('Reason for rejecting this shipment'), 'Not authorized');
    await user.click(card.getByRole('button', { name: 'Confirm rejection' }));

    const note = await card.findByRole('region', { name: 'Shipment 2 rejected.' });
    await waitFor(() => expect(note).toHaveFocus());
  });

  it('lands on "saved" after Save, on the Edit button after Cancel, and keeps one result on the page', async () => {
    const { user } = await openSubmittedMove();
    const customer = within(customerRegion());

    await user.click(customer.getByRole('button', { name: 'Edit customer info' }));
    await customer.findByRole('form', { name: 'Edit customer' });
    await user.click(customer.getByRole('button', { name: 'Cancel' }));
    expect(customer.getByRole('button', { name: 'Edit customer info' })).toHaveFocus();

    await user.keyboard('{Enter}');
    const phone = await customer.findByRole('textbox', { name: /^Phone/ });
    await user.clear(phone);
    await user.type(phone, '210-555-0142');
    await user.click(customer.getByRole('button', { name: 'Save' }));
    const saved = await customer.findByRole('region', { name: 'Customer info saved.' });
    await waitFor(() => expect(saved).toHaveFocus());

    // A second success elsewhere replaces the first: never two green alerts at once.
    const mto = within(mtoRegion());
    await user.click(mto.getByRole('button', { name: 'Edit TIO remarks' }));
    await user.type(await mto.findByLabelText('TIO remarks'), 'Weight verified');
    await user.click(mto.getByRole('button', { name: 'Save' }));
    await findStatus('Move task order saved.', mtoRegion());
    expect(resultNotes().map((note) => note.textContent)).toEqual(['Move task order saved.']);
  });
});
