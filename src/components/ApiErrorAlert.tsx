import { Alert } from '@trussworks/react-uswds';
import type { ApiError } from '../api/ApiError';
import { describeApiError } from './describeApiError';

interface ApiErrorAlertProps {
  error: ApiError;
  record: string;
  headingLevel?: 'h1' | 'h2' | 'h3' | 'h4';
}

/** A failed request, worded for the user. Render it inside an AlertSlot so it is announced. */
export function ApiErrorAlert({ error, record, headingLevel = 'h3' }: ApiErrorAlertProps) {
  const { heading, body } = describeApiError(error, record);
  const type = error.kind === 'conflict' ? 'warning' : 'error';
  return (
    <Alert type={type} heading={heading} headingLevel={headingLevel} slim={!body}>
      {body}
    </Alert>
  );
}
