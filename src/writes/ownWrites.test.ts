import { configureStore } from '@reduxjs/toolkit';
import { describe, expect, it } from 'vitest';
import ownWrites, {
  changedFields,
  changedOnlyIn,
  confirmedOwnVersion,
  ownWritesBetween,
  saveExpected,
  typePrefixOf,
} from './ownWrites';

const store = () => configureStore({ reducer: { ownWrites } });
const step = (to: string, by = 'moves/write') => ({ to, by });
const fulfilled = (payload: unknown, arg: unknown = {}) => ({
  type: 'something/fulfilled',
  payload,
  meta: { arg, requestId: 'r', requestStatus: 'fulfilled' as const },
});

describe('the versions the user’s own writes made', () => {
  it('follows a chain of the user’s steps, and nothing else', () => {
    const steps = { m1: { v1: step('v2', 'moves/approve'), v2: step('v3', 'moves/remarks') } };
    expect(ownWritesBetween(steps, 'm1', 'v1', 'v3')).toEqual(['moves/approve', 'moves/remarks']);
    expect(ownWritesBetween(steps, 'm1', 'v2', 'v3')).toEqual(['moves/remarks']);
    // v3 -> v4 was someone else's.
    expect(ownWritesBetween(steps, 'm1', 'v1', 'v4')).toBeNull();
    expect(ownWritesBetween(steps, 'm1', 'v1', 'v1')).toBeNull();
    expect(
      ownWritesBetween({ m1: { v1: step('v2'), v2: step('v1') } }, 'm1', 'v1', 'v9'),
    ).toBeNull();
  });

  it('takes a write’s answer as a step from the eTag it was sent on', () => {
    const { getState, dispatch } = store();
    dispatch(fulfilled({ id: 'm1', eTag: 'v2' }, { moveTaskOrderID: 'm1', ifMatchETag: 'v1' }));
    expect(getState().ownWrites.steps).toEqual({ m1: { v1: step('v2', 'something') } });
    // A read's answer is no step.
    dispatch(fulfilled({ id: 'm1', eTag: 'v3' }, 'RDY4PR'));
    expect(getState().ownWrites.steps).toEqual({ m1: { v1: step('v2', 'something') } });
  });

  it('takes each record of a write of several as a step from its own eTag', () => {
    const { getState, dispatch } = store();
    dispatch(
      fulfilled(
        [
          { id: 's1', eTag: 's1v2' },
          { id: 's2', eTag: 's2v2' },
        ],
        { moveTaskOrderID: 'm1', ifMatchETags: { s1: 's1v1', s2: 's2v1' } },
      ),
    );
    expect(getState().ownWrites.steps).toEqual({
      s1: { s1v1: step('s1v2', 'something') },
      s2: { s2v1: step('s2v2', 'something') },
    });
  });

  it('takes the next version of a record the user’s write saved as theirs, if only that write’s fields changed', () => {
    const { getState, dispatch } = store();
    const before = { id: 'm1', eTag: 'v1', status: 'APPROVED', tioRemarks: 'Hold' };
    dispatch(
      saveExpected({ before, fields: ['status', 'availableToPrimeAt'], by: 'shipments/approve' }),
    );
    dispatch(
      fulfilled([
        {
          ...before,
          eTag: 'v2',
          status: 'APPROVALS REQUESTED',
          availableToPrimeAt: 'now',
          lockExpiresAt: 'later',
        },
      ]),
    );
    expect(getState().ownWrites.steps).toEqual({ m1: { v1: step('v2', 'shipments/approve') } });
    expect(getState().ownWrites.expected).toEqual({});
  });

  it('takes it as someone else’s when it changed anything more', () => {
    const { getState, dispatch } = store();
    const before = { id: 'm1', eTag: 'v1', status: 'APPROVED', tioRemarks: 'Hold' };
    dispatch(saveExpected({ before, fields: ['status'], by: 'shipments/approve' }));
    // The same version again says nothing yet.
    dispatch(fulfilled(before));
    expect(getState().ownWrites.expected).toHaveProperty('m1');
    dispatch(
      fulfilled({ ...before, eTag: 'v2', status: 'APPROVALS REQUESTED', tioRemarks: 'Theirs' }),
    );
    expect(getState().ownWrites.steps).toEqual({});
    expect(getState().ownWrites.expected).toEqual({});
  });

  it('compares versions by value, leaving out what a read’s lock moves', () => {
    expect(
      changedFields(
        { a: { x: 1 }, eTag: '1', lockExpiresAt: 'then' },
        { a: { x: 1 }, eTag: '2', lockExpiresAt: 'now', b: 2 },
      ),
    ).toEqual(['b']);
  });

  it('takes a version that shows a write done after its answer was lost as the user’s, if only that write’s fields changed', () => {
    const { getState, dispatch } = store();
    const base = { id: 's1', eTag: 'v1', status: 'SUBMITTED', approvedDate: null, notes: 'Crate' };
    const latest = { ...base, eTag: 'v2', status: 'APPROVED', approvedDate: 'now' };
    const confirmed = confirmedOwnVersion(base, latest, ['status', 'approvedDate'], 'shipments/a');
    expect(confirmed).not.toBeNull();
    dispatch(confirmed!);
    expect(getState().ownWrites.steps).toEqual({ s1: { v1: step('v2', 'shipments/a') } });
  });

  it('takes nothing as the user’s when anything else changed too, or nothing was saved', () => {
    const base = { id: 's1', eTag: 'v1', status: 'SUBMITTED', notes: 'Crate' };
    // A colleague's change came between as well.
    const theirsToo = { ...base, eTag: 'v2', status: 'APPROVED', notes: 'Theirs' };
    expect(confirmedOwnVersion(base, theirsToo, ['status'], 'shipments/a')).toBeNull();
    // The same version: a write that keeps it made no step.
    expect(confirmedOwnVersion(base, { ...base }, ['status'], 'shipments/a')).toBeNull();
    // Another record.
    expect(
      confirmedOwnVersion(base, { ...base, id: 's2', eTag: 'v2' }, ['status'], 'x'),
    ).toBeNull();
  });

  it('compares nested fields by their paths, leaving out a nested record’s own version stamps', () => {
    const before = {
      id: 'c1',
      eTag: '1',
      backup_contact: { name: 'Ann', email: 'a@x' },
      address: { eTag: 'a1', updatedAt: 'then', city: 'Austin' },
    };
    const named = { ...before, backup_contact: { name: 'Bo', email: 'a@x' } };
    expect(changedOnlyIn(before, named, ['backup_contact.name'])).toBe(true);
    expect(
      changedOnlyIn(before, { ...named, backup_contact: { name: 'Bo', email: 'b@x' } }, [
        'backup_contact.name',
      ]),
    ).toBe(false);
    // Saving the record saves its address: a new eTag and updatedAt there, nothing more.
    const restamped = { ...before, address: { eTag: 'a2', updatedAt: 'now', city: 'Austin' } };
    expect(changedOnlyIn(before, restamped, [])).toBe(true);
    expect(changedOnlyIn(before, { ...restamped, address: { city: 'Waco' } }, [])).toBe(false);
    expect(changedOnlyIn(before, { ...before, phone: '1' }, ['backup_contact.name'])).toBe(false);
  });

  it('names a write by its type prefix, answered or not', () => {
    expect(typePrefixOf('shipments/approveShipment/fulfilled')).toBe('shipments/approveShipment');
    expect(typePrefixOf('shipments/approveShipment/rejected')).toBe('shipments/approveShipment');
  });
});
