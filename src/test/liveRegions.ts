import { screen, waitFor, within } from '@testing-library/react';

// Live regions are on the page from the start and empty until there is
// news, so a test waits for the one that says something.
async function findLiveRegion(
  role: 'alert' | 'status',
  text: string | RegExp,
  container?: HTMLElement,
) {
  const scope = container ? within(container) : screen;
  return waitFor(() => {
    const region = scope
      .getAllByRole(role)
      .find((element) =>
        typeof text === 'string'
          ? element.textContent?.includes(text)
          : text.test(element.textContent ?? ''),
      );
    if (!region) throw new Error(`No ${role} says ${String(text)}`);
    return region;
  });
}

export const findAlert = (text: string | RegExp, container?: HTMLElement) =>
  findLiveRegion('alert', text, container);

export const findStatus = (text: string | RegExp, container?: HTMLElement) =>
  findLiveRegion('status', text, container);

/** Every alert on the page is silent: nothing went wrong. */
export function expectNoAlert() {
  const spoken = screen.queryAllByRole('alert').filter((element) => element.textContent);
  if (spoken.length > 0) throw new Error(`Unexpected alert: ${spoken[0].textContent}`);
}
