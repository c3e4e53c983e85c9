import type { ApiError } from '../api/ApiError';

export interface ErrorMessage {
  heading: string;
  body: string;
}

/**
 * What an office user is told about a failed request. Each kind the app can
 * name gets its own words; `record` names what was being loaded or changed
 * ("move", "shipment", "service item").
 */
export function describeApiError(error: ApiError, record: string): ErrorMessage {
  switch (error.kind) {
    case 'conflict':
      return {
        heading: `Someone else changed this ${record}`,
        body: `Someone else changed this ${record} since you loaded it, so your change was not saved.`,
      };
    case 'notFound':
      return {
        heading: `This ${record} no longer exists`,
        body: `The ${record} could not be found. It may have been removed. Nothing was saved.`,
      };
    case 'validation':
      return {
        heading: 'Check what you entered',
        body: [error.detail, ...Object.entries(error.invalidFields).map(([f, m]) => `${f}: ${m}`)]
          .filter(Boolean)
          .join(' '),
      };
    case 'businessRule':
      return { heading: `This ${record} cannot be changed that way`, body: error.detail };
    case 'preconditionRequired':
      return {
        heading: 'The app sent an incomplete request',
        body: `The request did not say which version of the ${record} it changes, so nothing was saved. Please report this problem.`,
      };
    case 'forbidden':
      return {
        heading: "Your session's security token is missing or expired",
        body: "The server refused the change without this session's security token, so nothing was saved. The page has asked the server for a new token: try again. If this happens again, reload the page.",
      };
    case 'network':
      return {
        heading: 'The server could not be reached',
        body: 'Check your connection and try again. Nothing was saved.',
      };
    case 'timeout':
      return {
        heading: 'The server did not answer in time',
        body: `No answer came within 15 seconds. If you were changing the ${record}, the change may or may not have been saved: check the latest version before you try again.`,
      };
    case 'server':
      return {
        heading: 'The server had a problem',
        body: `The server failed (${error.status}). Try again in a moment.`,
      };
    case 'unexpected':
      return { heading: error.title, body: error.detail };
  }
}
