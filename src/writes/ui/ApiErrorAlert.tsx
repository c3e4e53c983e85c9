import { Alert } from '@trussworks/react-uswds';
import type { ApiError } from '../../api/ApiError';
import type { Outcome } from '../outcome';
import { describeApiError, describeFailedWrite } from '../wording';

interface ApiErrorAlertProps {
  error: ApiError;
  record: string;
  headingLevel?: 'h1' | 'h2' | 'h3' | 'h4';
  /** For a write: what became of it, as far as the latest version tells. */
  outcome?: Outcome;
}

/** A failed request, worded for the user. Render it inside an AlertSlot so it is announced. */
export function ApiErrorAlert({ error, record, headingLevel = 'h3', outcome }: ApiErrorAlertProps) {
  const { heading, body } = outcome
    ? describeFailedWrite(error, outcome, record)
    : describeApiError(error, record);
  const type = error.kind === 'conflict' ? 'warning' : 'error';
  return (
    <Alert type={type} heading={heading} headingLevel={headingLevel} slim={!body}>
      {body}
    </Alert>
  );
}
