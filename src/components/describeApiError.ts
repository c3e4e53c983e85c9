import type { ApiError } from '../api/ApiError';

export interface ErrorMessage {
  heading: string;
  body: string;
}

/** What the server said, if it said more than its status; with its trace id for support. */
function serverSaid(error: ApiError): string {
  const said = error.detail ? ` The server said: “${error.detail}”` : '';
  const trace = error.traceId ? ` (trace ${error.traceId})` : '';
  return `${said}${trace}`;
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
        body: [
          error.detail,
          ...Object.entries(error.invalidFields).map(([field, message]) => `${field}: ${message}`),
        ]
          .filter(Boolean)
          .join(' '),
      };
    case 'businessRule':
      return {
        heading: `This ${record} cannot be changed that way now`,
        body: error.detail || `The ${record}'s status does not allow it. Nothing was saved.`,
      };
    case 'preconditionRequired':
      return {
        heading: 'The app sent an incomplete request',
        body: `The request did not say which version of the ${record} it changes, so nothing was saved. Please report this problem.`,
      };
    case 'csrf':
      return {
        heading: "Your session's security token is missing or expired",
        body: "The server refused the change without this session's security token, so nothing was saved. The page has asked the server for a new token: try again. If this happens again, reload the page.",
      };
    case 'permission':
      return {
        heading: 'You may not do that',
        body: `Your role does not allow this change to the ${record}, so nothing was saved.`,
      };
    case 'unauthorized':
      return {
        heading: 'Your session has ended',
        body: 'Sign in again, then try again. Nothing was saved.',
      };
    case 'notImplemented':
      return {
        heading: 'The server cannot do this yet',
        body: `The server does not support this change to the ${record} (501 Not Implemented), so nothing was saved. What you entered is kept.`,
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
        body: `The server failed (${error.status}). Try again in a moment.${serverSaid(error)}`,
      };
    case 'unexpected':
      return {
        heading: error.title,
        body: error.detail || `The server's answer about the ${record} could not be read.`,
      };
  }
}
