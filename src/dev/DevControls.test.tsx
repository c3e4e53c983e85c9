// The developer controls beside a move's page, as the browser shows them
// when mocking is on. The browser mock they drive (mocks/browser.ts, a
// service worker) does not run in Node: its two actions are stand-ins here,
// and the browser tests (staleAndDevControls.e2e.ts) drive the real ones.
import { render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_LOCATORS } from '../../mocks/db';
import { renderRoute } from '../test/renderWithProviders';
import DevControls from './DevControls';

const mock = vi.hoisted(() => ({
  resetMockData: vi.fn(async () => {}),
  actAsAnotherUser: vi.fn(async () => 'Changed it'),
}));
vi.mock('../../mocks/browser', () => mock);

const locator = SEED_LOCATORS.submitted;

/** The move's page with the developer controls after it, open, on one store. */
async function openPageWithControls(shown: string = locator) {
  const view = renderRoute(`/moves/${shown}/details`);
  await screen.findByRole('heading', { name: 'Customer info' });
  render(
    <Provider store={view.store}>
      <DevControls />
    </Provider>,
  );
  const controls = within(screen.getByRole('complementary', { name: /^Developer controls/ }));
  await view.user.click(controls.getByText('Developer controls (mock API)'));
  const openCustomerForm = async () => {
    await view.user.click(screen.getByRole('button', { name: 'Edit customer info' }));
    return screen.findByRole('form', { name: 'Edit customer' });
  };
  return { ...view, controls, openCustomerForm };
}

/** Whether leaving the page now would make the browser ask first. */
function leavingAsks() {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

afterEach(() => {
  mock.resetMockData.mockClear();
});

describe('the developer controls’ records', () => {
  it('name each record with its move, the shipments numbered as the page numbers them', async () => {
    const { controls } = await openPageWithControls();
    const select = controls.getByRole('combobox', { name: 'Record' });
    const names = within(select)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      `Move ${locator}`,
      expect.stringMatching(new RegExp(`^Move ${locator} · Customer \\S+ \\S+$`)),
      expect.stringMatching(new RegExp(`^Move ${locator} · Orders \\S+$`)),
      `Move ${locator} · Shipment 1 HHG (submitted)`,
      `Move ${locator} · Shipment 2 HHG (submitted)`,
      `Move ${locator} · Shipment 3 NTS (submitted)`,
    ]);
    // The page's own names of the shipments, by the same numbers.
    for (const heading of ['Shipment 1: HHG', 'Shipment 2: HHG', 'Shipment 3: NTS']) {
      expect(screen.getByRole('heading', { name: heading })).toBeInTheDocument();
    }
    expect(within(select).getByRole('group', { name: `Move ${locator}` })).toBeInTheDocument();
  });

  it('name service items by their code and shipment, and statuses in words', async () => {
    const move = SEED_LOCATORS.approvalsRequested;
    const { controls } = await openPageWithControls(move);
    await screen.findByRole('heading', { name: 'Service items' });
    const select = controls.getByRole('combobox', { name: 'Record' });
    await waitFor(() =>
      expect(
        within(select).getByRole('option', {
          name: `Move ${move} · Service item MS, the move (approved)`,
        }),
      ).toBeInTheDocument(),
    );
    const names = within(select)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(`Move ${move} · Shipment 1 HHG (approvals requested)`);
    expect(names).toContain(`Move ${move} · Service item DLH, shipment 1 (approved)`);
  });
});

describe('reset mock data', () => {
  it('resets at once when no edit form has unsaved changes, even one opened and left as it was', async () => {
    const { controls, openCustomerForm, user } = await openPageWithControls();
    await openCustomerForm();
    expect(leavingAsks()).toBe(false);

    await user.click(controls.getByRole('button', { name: 'Reset mock data' }));

    expect(mock.resetMockData).toHaveBeenCalledTimes(1);
    expect(controls.queryByText(/unsaved changes/)).not.toBeInTheDocument();
  });

  /** A new email typed in the customer form, then Reset mock data pressed: the question asked. */
  async function askWithADraft() {
    const view = await openPageWithControls();
    const { controls, openCustomerForm, user } = view;
    const email = within(await openCustomerForm()).getByRole('textbox', { name: /^Email/ });
    await user.clear(email);
    await user.type(email, 'new@example.mil');
    const reset = controls.getByRole('button', { name: 'Reset mock data' });
    await user.click(reset);
    const question = controls.getByText(
      '1 edit form has unsaved changes: Customer info. Reset and discard it?',
    );
    await waitFor(() => expect(question).toHaveFocus());
    return { ...view, email, reset, question };
  }

  it('asks first when a form has unsaved changes, and Cancel keeps the draft and resets nothing', async () => {
    const { controls, user, email, reset, question } = await askWithADraft();
    expect(mock.resetMockData).not.toHaveBeenCalled();

    await user.click(controls.getByRole('button', { name: 'Cancel' }));

    expect(question).not.toBeInTheDocument();
    expect(reset).toHaveFocus();
    expect(mock.resetMockData).not.toHaveBeenCalled();
    expect(email).toHaveValue('new@example.mil');
  });

  it('takes Escape on the question as Cancel: the draft kept, nothing reset, back on Reset', async () => {
    const { controls, user, email, reset, question } = await askWithADraft();

    // From the question, and from its first button.
    await user.keyboard('{Escape}');
    expect(question).not.toBeInTheDocument();
    expect(reset).toHaveFocus();

    await user.click(reset);
    await user.tab();
    expect(controls.getByRole('button', { name: 'Reset and discard' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(controls.queryByRole('button', { name: 'Reset and discard' })).not.toBeInTheDocument();
    expect(reset).toHaveFocus();
    expect(mock.resetMockData).not.toHaveBeenCalled();
    expect(email).toHaveValue('new@example.mil');
  });

  it('counts every form with unsaved changes, and resets once the user chooses to discard them', async () => {
    const { controls, openCustomerForm, user } = await openPageWithControls();
    const customer = await openCustomerForm();
    await user.type(within(customer).getByRole('textbox', { name: /^Phone/ }), '9');
    await user.click(screen.getByRole('button', { name: 'Edit orders' }));
    const orders = within(await screen.findByRole('form', { name: 'Edit orders' }));
    await user.type(orders.getAllByRole('textbox')[0], 'X');

    // By keyboard: Tab to Reset mock data, Enter, then the confirm's first button.
    controls.getByRole('button', { name: 'Act as another user' }).focus();
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(
        controls.getByText(
          '2 edit forms have unsaved changes: Customer info, Orders. Reset and discard them?',
        ),
      ).toHaveFocus(),
    );
    await user.tab();
    expect(controls.getByRole('button', { name: 'Reset and discard' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(mock.resetMockData).toHaveBeenCalledTimes(1));
    // The user chose to discard them: the reload after the reset asks nothing more.
    expect(leavingAsks()).toBe(false);
  });
});
