import { render, screen, waitFor } from '@testing-library/react';
/* eslint-disable testing-library/no-node-access, testing-library/no-container --
   the preload has no role or text to find it by: it is hidden from assistive technology. */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test/axe';
import { AlertIconsPreload } from './AlertIconsPreload';

describe('AlertIconsPreload', () => {
  it('styles one empty alert of each kind once the page is idle, hidden from assistive technology', async () => {
    const { container } = render(
      <main>
        <p>The page</p>
        <AlertIconsPreload />
      </main>,
    );
    // Nothing on the first render, which a page's first paint waits for.
    expect(container.querySelector('.alert-icons-preload')).toBeNull();

    await waitFor(() => expect(container.querySelector('.alert-icons-preload')).not.toBeNull());
    const preload = container.querySelector('.alert-icons-preload')!;
    expect(preload).toHaveAttribute('aria-hidden', 'true');
    expect([...preload.children].map((alert) => alert.className)).toEqual([
      'usa-alert usa-alert--success',
      'usa-alert usa-alert--info',
      'usa-alert usa-alert--warning',
      'usa-alert usa-alert--error',
    ]);
    expect(preload.textContent).toBe('');
    expect(screen.queryAllByRole('alert')).toEqual([]);
    await expectNoAxeViolations();
  });
});
