// The thunk factory every API call of the app's entities goes through. A
// read takes what it reads by; a write takes one argument object that names
// the eTag it is sent on, `ifMatchETag`, the version of the record the user
// saw. Both reject any failure as an ApiError value, so a 412 reaches the UI
// as data, not as a thrown message.
import {
  createAsyncThunk,
  type AsyncThunk,
  type AsyncThunkAction,
  type AsyncThunkConfig,
  type AsyncThunkPayloadCreator,
} from '@reduxjs/toolkit';
import { toApiError, type ApiError } from '../api/ApiError';
import { selectWriteInFlight, type InFlightState } from './inFlight';

export interface ThunkConfig extends AsyncThunkConfig {
  /** A thunk reads no more of the store than whether a write is in flight. */
  state: InFlightState;
  rejectValue: ApiError;
}

/** Any API thunk's action, as a page or a listener hands it on to be dispatched. */
export type ApiThunkAction = AsyncThunkAction<unknown, unknown, ThunkConfig>;

/**
 * A write's argument: the eTag of the version of the record it changes (sent
 * as If-Match), or, for a write of several records at once, each record's
 * eTag by id (sent in the body, as approveShipments does); and the rest.
 */
export type WriteArg = { ifMatchETag: string } | { ifMatchETags: Record<string, string> };

/** The call, with any failure rejected as an ApiError value. */
function rejectingApiErrors<Arg, Result>(
  call: (arg: Arg) => Promise<Result>,
): AsyncThunkPayloadCreator<Result, Arg, ThunkConfig> {
  return async (arg, { rejectWithValue }) => {
    try {
      return await call(arg);
    } catch (error) {
      return rejectWithValue(toApiError(error));
    }
  };
}

/** Reads: `getMove(locator)`. Its argument is the action's `meta.arg`. */
export function createApiThunk<Arg, Result>(
  typePrefix: string,
  call: (arg: Arg) => Promise<Result>,
): AsyncThunk<Result, Arg, ThunkConfig> {
  return createAsyncThunk<Result, Arg, ThunkConfig>(typePrefix, rejectingApiErrors(call));
}

/**
 * Writes: one at a time per record (`recordsOf`: the record it changes, or
 * every record it saves). A write on a record with one in flight, a double
 * click, is not sent: it resolves at once with `meta.condition` true.
 * The pending action's `meta.recordIDs` names the records in flight (its
 * answer's action does not: it is known by `meta.requestId`).
 */
export function createWriteThunk<Arg extends WriteArg, Result>(
  typePrefix: string,
  call: (arg: Arg) => Promise<Result>,
  recordsOf: (arg: Arg) => string | string[],
): AsyncThunk<Result, Arg, ThunkConfig> {
  const idsOf = (arg: Arg) => [recordsOf(arg)].flat();
  return createAsyncThunk<Result, Arg, ThunkConfig>(typePrefix, rejectingApiErrors(call), {
    getPendingMeta: ({ arg }) => ({ recordIDs: idsOf(arg) }),
    condition: (arg, { getState }) => !idsOf(arg).some((id) => selectWriteInFlight(getState(), id)),
  });
}

/**
 * A thunk's action creator with positional arguments, as MilMove's are
 * called (`updateMoveTaskOrderStatus(moveTaskOrderID, ifMatchETag, codes)`),
 * over the one-object argument its actions carry in `meta.arg`.
 */
export function withPositionalArgs<Params extends unknown[], Arg, Result>(
  // Its types are read off its action creators; the second half is how it
  // is called, which TypeScript cannot tell for a generic Arg.
  thunk: Pick<
    AsyncThunk<Result, Arg, ThunkConfig>,
    'pending' | 'fulfilled' | 'rejected' | 'typePrefix'
  > &
    NoInfer<(arg: Arg) => AsyncThunkAction<Result, Arg, ThunkConfig>>,
  toArg: (...params: Params) => Arg,
) {
  const start = (...params: Params) => thunk(toArg(...params));
  return Object.assign(start, {
    pending: thunk.pending,
    fulfilled: thunk.fulfilled,
    rejected: thunk.rejected,
    typePrefix: thunk.typePrefix,
  });
}

/** How a dispatched API thunk ended, as its caller reads it. */
export type Settled =
  | { status: 'fulfilled' }
  /** Not sent: another write on the record is in flight. */
  | { status: 'skipped' }
  | { status: 'rejected'; error: ApiError };

/** Reads the result of a dispatched API thunk: fulfilled, skipped, or its ApiError. */
export function settled(result: { meta: { requestStatus: string }; payload?: unknown }): Settled {
  if (result.meta.requestStatus === 'fulfilled') return { status: 'fulfilled' };
  const { condition } = result.meta as { condition?: boolean };
  if (condition) return { status: 'skipped' };
  const { payload, error } = result as { payload?: ApiError; error?: unknown };
  return { status: 'rejected', error: payload ?? toApiError(error) };
}
