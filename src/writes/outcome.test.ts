import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api/ApiError';
import { outcomeOf, type Judged } from './outcome';

interface Remarks {
  id: string;
  eTag: string;
  tioRemarks?: string;
}

const failure = (kind: ApiError['kind']): ApiError => ({
  kind,
  status: kind === 'conflict' ? 412 : kind === 'server' ? 500 : null,
  title: '',
  detail: '',
  traceId: null,
  invalidFields: {},
});

const base: Remarks = { id: 'm1', eTag: 'v1' };
const judge = (overrides: Partial<Judged<Remarks>>) =>
  outcomeOf<Remarks>({
    failure: failure('conflict'),
    base,
    latest: { latest: base, loaded: true },
    done: (version) => version.tioRemarks === 'Checked',
    ownWritesBetween: () => null,
    ...overrides,
  });

describe('what became of a write that failed', () => {
  it('saved nothing when the latest version is still the one it was sent on', () => {
    expect(judge({ failure: failure('validation') })).toEqual({ kind: 'notSaved' });
    expect(judge({ failure: failure('network') })).toEqual({ kind: 'notSaved' });
  });

  it('saved the change when no answer came but the latest version shows it', () => {
    const latest = { id: 'm1', eTag: 'v2', tioRemarks: 'Checked' };
    expect(judge({ failure: failure('timeout'), latest: { latest, loaded: true } })).toEqual({
      kind: 'saved',
    });
  });

  it('judges a write that may leave the record unsaved by what the latest versions show', () => {
    const added = { done: () => true, keepsVersion: true };
    // Same eTag, yet done: counseling added to a move approved before.
    expect(judge({ ...added, failure: failure('network') })).toEqual({ kind: 'saved' });
    // A refusal saved nothing, whatever `done` says; without keepsVersion the eTag rules.
    expect(judge({ ...added, failure: failure('validation') })).toEqual({ kind: 'notSaved' });
    expect(judge({ done: () => true, failure: failure('network') })).toEqual({ kind: 'notSaved' });
    expect(judge({ ...added, done: () => false, failure: failure('network') })).toEqual({
      kind: 'notSaved',
    });
  });

  it('cannot tell when no answer came and the latest version could not be loaded', () => {
    expect(judge({ failure: failure('server'), latest: { latest: base, loaded: false } })).toEqual({
      kind: 'unknown',
    });
  });

  it('finds the record gone when the latest version is no more', () => {
    expect(judge({ latest: { latest: undefined, loaded: true } })).toEqual({ kind: 'gone' });
    expect(
      judge({ failure: failure('notFound'), latest: { latest: base, loaded: false } }),
    ).toEqual({ kind: 'gone' });
  });

  it('tells a change by someone else from one made by the user’s own writes', () => {
    const latest = { id: 'm1', eTag: 'v3', tioRemarks: 'Theirs' };
    expect(judge({ latest: { latest, loaded: true } })).toEqual({
      kind: 'changed',
      by: 'someoneElse',
    });
    expect(
      judge({ latest: { latest, loaded: true }, ownWritesBetween: () => ['moves/approve'] }),
    ).toEqual({ kind: 'changed', by: 'you', writes: ['moves/approve'] });
    // A refusal never saved: a latest version that looks done is someone's else.
    const done = { id: 'm1', eTag: 'v4', tioRemarks: 'Checked' };
    expect(judge({ latest: { latest: done, loaded: true } })).toEqual({
      kind: 'changed',
      by: 'someoneElse',
    });
  });
});
