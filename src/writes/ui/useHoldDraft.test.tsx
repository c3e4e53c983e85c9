// Leaving a move's page (closing the tab, reloading, another address) while
// an edit form has unsaved changes makes the browser ask first: the
// beforeunload event, cancelled. The browser test (leavingWithDraft.e2e.ts)
// sees the browser's own question.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import { renderRoute } from '../../test/renderWithProviders';

/** Whether leaving the page now would make the browser ask first. */
function leavingAsks() {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

async function openCustomerForm() {
  const view = renderRoute(`/moves/${SEED_LOCATORS.submitted}/details`);
  await view.user.click(await screen.findByRole('button', { name: 'Edit customer info' }));
  return { ...view, form: await screen.findByRole('form', { name: 'Edit customer' }) };
}

describe('leaving the page', () => {
  it('asks first while a form has unsaved changes, and no more once they are undone', async () => {
    const { form, user } = await openCustomerForm();
    const phone = within(form).getByRole('textbox', { name: /^Phone/ });
    const loaded = (phone as HTMLInputElement).value;
    // A form opened and left as it was holds nothing to lose.
    expect(leavingAsks()).toBe(false);

    await user.type(phone, '9');
    expect(leavingAsks()).toBe(true);

    await user.clear(phone);
    await user.type(phone, loaded);
    expect(leavingAsks()).toBe(false);
  });

  it('asks no more once the form is cancelled or saved', async () => {
    const { form, user } = await openCustomerForm();
    await user.type(within(form).getByRole('textbox', { name: /^Phone/ }), '9');
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(leavingAsks()).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Edit customer info' }));
    const again = within(await screen.findByRole('form', { name: 'Edit customer' }));
    const email = again.getByRole('textbox', { name: /^Email/ });
    await user.clear(email);
    await user.type(email, 'new@example.mil');
    expect(leavingAsks()).toBe(true);
    await user.click(again.getByRole('button', { name: 'Save' }));
    await screen.findByText('Customer info saved.');
    expect(leavingAsks()).toBe(false);
  });

  it('asks before a link to another page of the app throws a draft away, and stays when told to', async () => {
    const { form, user } = await openCustomerForm();
    const email = within(form).getByRole('textbox', { name: /^Email/ });
    await user.type(email, 'x');
    const typed = (email as HTMLInputElement).value;
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const queueLink = screen.getByRole('link', { name: 'TOO office' });

    await user.click(queueLink);

    expect(confirm).toHaveBeenCalledWith(
      '1 edit form has unsaved changes: Customer info. Leave this page and discard it?',
    );
    expect(screen.getByRole('form', { name: 'Edit customer' })).toBe(form);
    expect(within(form).getByRole('textbox', { name: /^Email/ })).toHaveValue(typed);

    confirm.mockReturnValue(true);
    await user.click(queueLink);

    expect(await screen.findByRole('link', { name: SEED_LOCATORS.submitted })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Edit customer' })).toBeNull();
    // Discarded as the user chose: nothing is held, so nothing asks any more.
    expect(leavingAsks()).toBe(false);
    confirm.mockRestore();
  });

  it("asks before the browser's Back throws a draft away, stays on the page when told to, and goes once told to", async () => {
    const locator = SEED_LOCATORS.submitted;
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('link', { name: locator }));
    await user.click(await screen.findByRole('button', { name: 'Edit customer info' }));
    const form = await screen.findByRole('form', { name: 'Edit customer' });
    const email = within(form).getByRole('textbox', { name: /^Email/ });
    await user.type(email, 'x');
    const typed = (email as HTMLInputElement).value;
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const detailsPath = window.location.pathname;

    window.history.back();

    await waitFor(() =>
      expect(confirm).toHaveBeenCalledWith(
        '1 edit form has unsaved changes: Customer info. Leave this page and discard it?',
      ),
    );
    // Sent back to the move's entry, and the router never left it.
    await waitFor(() => expect(window.location.pathname).toBe(detailsPath));
    expect(screen.getByRole('form', { name: 'Edit customer' })).toBe(form);
    expect(within(form).getByRole('textbox', { name: /^Email/ })).toHaveValue(typed);
    expect(confirm).toHaveBeenCalledTimes(1);

    confirm.mockReturnValue(true);
    window.history.back();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Moves queue' }),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
    expect(screen.queryByRole('form', { name: 'Edit customer' })).toBeNull();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(leavingAsks()).toBe(false);
    confirm.mockRestore();
  });

  it("lets the browser's Back go without asking when no draft is unsaved", async () => {
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('link', { name: SEED_LOCATORS.submitted }));
    await user.click(await screen.findByRole('button', { name: 'Edit customer info' }));
    await screen.findByRole('form', { name: 'Edit customer' });
    const confirm = vi.spyOn(window, 'confirm');

    window.history.back();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Moves queue' }),
    ).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();
    confirm.mockRestore();
  });
});
