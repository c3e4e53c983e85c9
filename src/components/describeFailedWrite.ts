import type { ApiError } from '../api/ApiError';
import { REQUEST_TIMEOUT_MS } from '../api/request';
import { hadNoVerdict, type WriteOutcome } from '../app/writeOutcome';
import { describeApiError, type ErrorMessage } from './describeApiError';

/** Why the server gave no verdict on a write. */
function cause(error: ApiError): string {
  switch (error.kind) {
    case 'timeout':
      return `No answer came within ${REQUEST_TIMEOUT_MS / 1000} seconds.`;
    case 'server':
      return `The server failed (${error.status}) while answering.`;
    default:
      return 'The connection failed before the server answered.';
  }
}

/**
 * What the user is told about a failed write. A refusal (412, 422, ...) says
 * nothing was saved; a failure without a verdict says what the latest version
 * of the record shows, never more than that.
 */
export function describeFailedWrite(
  error: ApiError,
  outcome: WriteOutcome,
  record: string,
): ErrorMessage {
  if (!hadNoVerdict(error)) return describeApiError(error, record);
  switch (outcome) {
    case 'saved':
      return {
        heading: 'Done, though the server did not confirm it',
        body: `${cause(error)} The latest version of the ${record}, loaded just now, shows the change was saved, so there is nothing more to do.`,
      };
    case 'unknown':
      return {
        heading: 'Not confirmed: the change may or may not have been saved',
        body: `${cause(error)} The latest version of the ${record} could not be loaded to check either. Trying again loads it first and sends the change only if it is not there yet.`,
      };
    case 'notSaved':
      return {
        heading: describeApiError(error, record).heading,
        body: `${cause(error)} The latest version of the ${record}, loaded just now, does not have the change: nothing was saved.`,
      };
  }
}
