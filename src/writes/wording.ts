// What an office user is told about a failed request, in one place: a
// refusal by its kind, and a failed write by what became of it (outcome.ts).
import type { ApiError } from '../api/ApiError';
import { REQUEST_TIMEOUT_MS } from '../api/request';
import { hadNoVerdict, type Outcome } from './outcome';

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
 * What the user tried, for what is said when it failed: an edit saves "the
 * change"; an action (Approve, Send to Prime) is no change of theirs to
 * save, and is told as what it is.
 */
export interface Attempt {
  /** "the change", "the approval", "the approval of the move" */
  what: string;
  /** What did not happen, as a sentence: "Nothing was saved.", "The shipment was not approved." */
  notDone: string;
}

/** An edit of a record, and any failed request that changes nothing. */
export const EDIT: Attempt = { what: 'the change', notDone: 'Nothing was saved.' };

/** The attempt of an action the page offers by its button's words: "Approve", "Reject", "Send to Prime". */
export function attemptOf(action: string, record: string): Attempt {
  switch (action) {
    case 'Approve':
      return { what: 'the approval', notDone: `The ${record} was not approved.` };
    case 'Reject':
      return { what: 'the rejection', notDone: `The ${record} was not rejected.` };
    case 'Send to Prime':
      return { what: 'the approval of the move', notDone: 'The move was not sent to the Prime.' };
    case 'Add counseling':
      return { what: 'counseling (CS)', notDone: 'Counseling (CS) was not added.' };
    default:
      return EDIT;
  }
}

/**
 * What an office user is told about a failed request. Each kind the app can
 * name gets its own words; `record` names what was being loaded or changed
 * ("move", "shipment", "service item"). The body says what the heading does
 * not: why, and what did not happen.
 */
export function describeApiError(
  error: ApiError,
  record: string,
  { notDone }: Attempt = EDIT,
): ErrorMessage {
  switch (error.kind) {
    case 'conflict':
      return {
        heading: `Someone else changed this ${record}`,
        body: `Their version was saved after the one you loaded. ${notDone}`,
      };
    case 'notFound':
      return {
        heading: `This ${record} no longer exists`,
        body: `It may have been removed. ${notDone}`,
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
        body: error.detail || `Its status does not allow it. ${notDone}`,
      };
    case 'preconditionRequired':
      return {
        heading: 'The app sent an incomplete request',
        body: `The request did not say which version of the ${record} it changes. ${notDone} Please report this problem.`,
      };
    case 'csrf':
      return {
        heading: "Your session's security token is missing or expired",
        body: `The server refused the request without it. ${notDone} The page has asked the server for a new token: try again. If this happens again, reload the page.`,
      };
    case 'permission':
      return {
        heading: 'You may not do that',
        body: `Your role does not allow this change to the ${record}. ${notDone}`,
      };
    case 'unauthorized':
      return {
        heading: 'Your session has ended',
        body: `Sign in again, then try again. ${notDone}`,
      };
    case 'notImplemented':
      return {
        heading: 'The server cannot do this yet',
        body: `It does not support this change to the ${record} (501 Not Implemented). ${notDone} What you entered is kept.`,
      };
    case 'network':
      return {
        heading: 'The server could not be reached',
        body: `Check your connection and try again. ${notDone}`,
      };
    case 'timeout':
      return {
        heading: 'The server did not answer in time',
        body: `No answer came within ${REQUEST_TIMEOUT_MS / 1000} seconds. If you were changing the ${record}, the change may or may not have been saved: check the latest version before you try again.`,
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
 * What the user is told about a failed write, by what became of it. A
 * refusal (412, 422, ...) says nothing was saved; a failure without a verdict
 * says what the latest version of the record shows, never more than that.
 */
export function describeFailedWrite(
  error: ApiError,
  outcome: Outcome,
  record: string,
  attempt: Attempt = EDIT,
): ErrorMessage {
  const { what, notDone } = attempt;
  if (outcome.kind === 'gone') {
    return describeApiError({ ...error, kind: 'notFound' }, record, attempt);
  }
  if (error.kind === 'notFound') {
    // A 404 about something else the write needed: the record is still there.
    return {
      heading: `The ${record} was not changed`,
      body: `The ${record} is still there, but the server could not find something it needs. ${notDone}${error.detail ? ` It said: “${error.detail}”` : ''}`,
    };
  }
  if (error.kind === 'conflict' && outcome.kind === 'changed' && outcome.by === 'you') {
    return {
      heading: `You changed this ${record} since you loaded it`,
      body: `Another change of yours in this tab made a newer version of it. ${notDone}`,
    };
  }
  if (!hadNoVerdict(error)) return describeApiError(error, record, attempt);
  switch (outcome.kind) {
    case 'saved':
      return {
        heading: 'Done, though the server did not confirm it',
        body: `${cause(error)} The latest version of the ${record}, loaded just now, shows ${what} went through, so there is nothing more to do.`,
      };
    case 'unknown':
      return {
        heading: `Not confirmed: ${what} may or may not have gone through`,
        body: `${cause(error)} The latest version of the ${record} could not be loaded to check either. Trying again loads it first and sends ${what} only if it is not there yet.`,
      };
    default:
      return {
        heading: describeApiError(error, record).heading,
        body: `${cause(error)} The latest version of the ${record}, loaded just now, does not show ${what}. ${notDone}`,
      };
  }
}

/** What each write of the user's did, for "You sent the move to the Prime since ...". */
const OWN_WRITES: Record<string, string> = {
  'moveTaskOrders/updateMoveTaskOrderStatus': 'sent the move to the Prime',
  'moveTaskOrders/updateMoveTIORemarks': 'saved the TIO remarks',
  'shipments/approveShipment': 'approved a shipment',
  'shipments/rejectShipment': 'rejected a shipment',
  'serviceItems/updateMTOServiceItemStatus': 'decided a service item',
  'orders/updateOrder': 'saved the orders',
  'customers/updateCustomer': 'saved the customer',
};

/**
 * Said after a draft was rebased, unasked, on versions the user's own writes
 * made: "You sent the move to the Prime since you opened this form; your
 * changes to the move are saved on that version."
 */
export function describeOwnRebase(writes: string[], record: string): string {
  const what = [...new Set(writes.map((type) => OWN_WRITES[type] ?? `changed the ${record}`))];
  const list =
    what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0];
  return `You ${list} since you opened this form; your changes to the ${record} are saved on that version.`;
}
