import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db, SEED_LOCATORS } from '../../../mocks/db';
import { expectNoAxeViolations } from '../../test/axe';
import { renderRoute } from '../../test/renderWithProviders';

describe('moves queue', () => {
  it('lists moves with their customer, status and Prime availability, linking to each', async () => {
    const { user, router } = renderRoute('/');

    const link = await screen.findByRole('link', { name: SEED_LOCATORS.draft });
    const row = screen.getByRole('row', { name: new RegExp(`^${SEED_LOCATORS.draft} `) });
    const move = db.moveByLocator(SEED_LOCATORS.draft)!;
    const customer = db.find('customer', db.find('order', move.orderID)!.customerID)!;
    expect(
      within(row).getByText(`${customer.lastName}, ${customer.firstName}`),
    ).toBeInTheDocument();
    expect(within(row).getByText('No')).toBeInTheDocument();
    const primeRow = screen.getByRole('row', {
      name: new RegExp(`^${SEED_LOCATORS.availableToPrime} `),
    });
    expect(within(primeRow).getByText(/^Yes, /)).toBeInTheDocument();

    await expectNoAxeViolations();

    await user.click(link);
    expect(router.state.location.pathname).toBe(`/moves/${SEED_LOCATORS.draft}/details`);
    expect(
      await screen.findByRole('heading', { name: `Move ${SEED_LOCATORS.draft}` }),
    ).toBeInTheDocument();
  });

  it('shows the total and pages through it on the server', async () => {
    db.reset({ moves: 45 });
    const { user } = renderRoute('/');

    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(21);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 2 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 moves, page 3 of 3')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('sorts by a column when its header is pressed, and says which way', async () => {
    const { user } = renderRoute('/');
    await screen.findByRole('link', { name: SEED_LOCATORS.draft });

    await user.click(screen.getByRole('button', { name: 'Move code' }));
    const header = screen.getByRole('columnheader', { name: 'Move code' });
    expect(header).toHaveAttribute('aria-sort', 'descending');
    const locators = (await screen.findAllByRole('link', { name: /^[A-Z0-9]{6}$/ })).map(
      (a) => a.textContent,
    );
    expect(locators).toEqual([...locators].sort().reverse());
  });

  it('filters on the server by customer name and status, and clears the filters', async () => {
    db.reset({ moves: 45 });
    const { user } = renderRoute('/');
    await screen.findByText('45 moves, page 1 of 3');
    const move = db.moveByLocator(SEED_LOCATORS.draft)!;
    const customer = db.find('customer', db.find('order', move.orderID)!.customerID)!;
    const sameName = db
      .queueMoves()
      .filter((row) =>
        `${row.customer.firstName} ${row.customer.lastName}`.includes(customer.lastName),
      );

    await user.type(screen.getByLabelText('Customer name'), customer.lastName);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const total = sameName.length;
    expect(
      await screen.findByText(`${total} ${total === 1 ? 'move' : 'moves'}, page 1 of 1`),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(total + 1);

    await user.selectOptions(screen.getByLabelText('Status'), 'Move approved');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    const approved = sameName.filter((row) => row.status === 'APPROVED').length;
    expect(
      await screen.findByText(`${approved} ${approved === 1 ? 'move' : 'moves'}, page 1 of 1`),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('45 moves, page 1 of 3')).toBeInTheDocument();
  });
});
