import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedQueueOf45 } from '../test/queueSeed';
import { renderRoute } from '../test/renderWithProviders';
import { moveHeading } from '../test/submittedMove';

const main = () => screen.getByRole('main');

describe('moving between pages', () => {
  it('names each page in the tab’s title and puts the focus on a new page’s content', async () => {
    seedQueueOf45();
    const { user } = renderRoute('/');
    await screen.findByText('45 moves, page 1 of 3');
    expect(document.title).toBe('Moves queue – TOO office');
    // Arriving: the focus is left where the browser puts it.
    expect(main()).not.toHaveFocus();

    // Paging the queue is not a new page: the focus stays on the button.
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('45 moves, page 2 of 3');
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveFocus();

    const [link] = within(screen.getByRole('table')).getAllByRole('link');
    const locator = link.textContent ?? '';
    await user.click(link);
    expect(main()).toHaveFocus();
    expect(
      await screen.findByRole('heading', { level: 1, name: moveHeading(locator) }),
    ).toBeVisible();
    // The title names the move and its customer, as the heading does.
    expect(document.title).toMatch(new RegExp(`^Move ${locator} · \\S.* – TOO office$`));

    await user.click(screen.getByRole('link', { name: 'TOO office' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Moves queue' })).toBeVisible();
    expect(main()).toHaveFocus();
    expect(document.title).toBe('Moves queue – TOO office');
  });

  it('names a move that is not found, and a page that does not exist', async () => {
    const { unmount } = renderRoute('/moves/NOPE00/details');
    await screen.findByRole('heading', { level: 1, name: 'Move NOPE00 not found' });
    expect(document.title).toBe('Move NOPE00 not found – TOO office');
    unmount();

    renderRoute('/no/such/page');
    await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    expect(document.title).toBe('Page not found – TOO office');
  });

  it('carries the federal banner above the header and a footer below the page', async () => {
    renderRoute('/');
    const banner = await screen.findByRole('region', {
      name: 'Official website of the United States government',
    });
    expect(banner).toHaveTextContent('An official website of the United States government');
    expect(banner).toHaveTextContent('.mil');
    // The banner's details open from its button, as USWDS has it.
    expect(within(banner).getByRole('button', { name: /Here’s how you know/ })).toBeVisible();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('TOO office');
  });
});
