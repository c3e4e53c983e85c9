import { screen } from '@testing-library/react';
import { db, SEED_LOCATORS } from '../../mocks/db';
import { renderRoute } from './renderWithProviders';

/** The seed's draft move, as the mock holds it now. */
export function draftMove() {
  const move = db.moveByLocator(SEED_LOCATORS.draft);
  if (!move) throw new Error(`The seed has no move ${SEED_LOCATORS.draft}`);
  return move;
}

/** Opens the draft move's details page and waits until Send to Prime is offered. */
export async function openDraftMove() {
  const view = renderRoute(`/moves/${SEED_LOCATORS.draft}/details`);
  const sendButton = await screen.findByRole('button', { name: 'Send to Prime' });
  return { ...view, sendButton };
}
