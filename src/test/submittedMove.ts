import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { SEED_LOCATORS } from '../../mocks/db';
import { seededMove } from '../../mocks/testApi';
import type { Move } from '../api/models';
import { findStatus } from './liveRegions';
import { renderRoute } from './renderWithProviders';

/** The seed's submitted move, as the mock holds it now, in the API's shape. */
export function submittedMove(): Move {
  return seededMove(SEED_LOCATORS.submitted).move as Move;
}

/** The move page's heading: "Move RDY4PR · Joshua Williams", its customer named. */
export const moveHeading = (locator: string) => new RegExp(`^Move ${locator} · \\S`);

/** Opens a move's details page and waits until it shows the move. */
export async function openMove(locator: string) {
  const view = renderRoute(`/moves/${locator}/details`);
  await screen.findByRole('heading', { level: 1, name: moveHeading(locator) });
  return view;
}

/** Opens the submitted move's details page and waits until Send to Prime is offered. */
export async function openSubmittedMove() {
  const view = renderRoute(`/moves/${SEED_LOCATORS.submitted}/details`);
  const sendButton = await screen.findByRole('button', { name: 'Send to Prime' });
  return { ...view, sendButton };
}

/** Ticks Counseling (CS), which the form leaves unchecked as the real one does. */
export async function chooseCounseling(user: UserEvent, container: HTMLElement = document.body) {
  await user.click(within(container).getByRole('checkbox', { name: 'Counseling (CS)' }));
}

/**
 * Opens the submitted move and approves it with Send to Prime, as a TOO
 * does before approving its shipments.
 */
export async function openApprovedMove() {
  const { sendButton, ...view } = await openSubmittedMove();
  await view.user.click(sendButton);
  await findStatus('The move was approved');
  return view;
}
