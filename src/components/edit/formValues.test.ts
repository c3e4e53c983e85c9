import { describe, expect, it } from 'vitest';
import { changedNames, mergeOnConflict, payloadOf, valuesOf, type EditField } from './formValues';

const fields: EditField[] = [
  { name: 'phone', label: 'Phone' },
  { name: 'email', label: 'Email' },
  { name: 'suffix', label: 'Suffix', nullable: true },
  { name: 'backupContact.name', label: 'Backup contact name' },
  { name: 'backupContact.phone', label: 'Backup contact phone' },
];

const record = {
  phone: '210-555-0100',
  email: 'a@example.mil',
  suffix: null,
  backupContact: { name: 'Pat', phone: '210-555-0101', email: 'pat@example.mil' },
};

describe('form values', () => {
  it('reads nested and null fields as strings', () => {
    expect(valuesOf(record, fields)).toEqual({
      phone: '210-555-0100',
      email: 'a@example.mil',
      suffix: '',
      'backupContact.name': 'Pat',
      'backupContact.phone': '210-555-0101',
    });
  });

  it('sends only changed fields, nested objects whole on the latest version, empty as null', () => {
    const base = valuesOf(record, fields);
    const draft = { ...base, suffix: '', 'backupContact.name': 'Sam', email: 'b@example.mil' };
    const latest = { ...record, backupContact: { ...record.backupContact, phone: '210-555-0199' } };

    const names = changedNames(draft, base, fields);

    expect(names).toEqual(['email', 'backupContact.name']);
    expect(payloadOf([...names, 'suffix'], draft, latest, fields)).toEqual({
      email: 'b@example.mil',
      suffix: null,
      backupContact: { name: 'Sam', phone: '210-555-0199', email: 'pat@example.mil' },
    });
  });

  it('rebases a draft: takes theirs, keeps mine, and asks where both differ', () => {
    const loaded = valuesOf(record, fields);
    const draft = { ...loaded, email: 'mine@example.mil', phone: '210-555-0222' };
    const latest = {
      ...loaded,
      phone: '210-555-0111',
      'backupContact.name': 'Jordan',
      email: 'mine@example.mil',
    };

    const merge = mergeOnConflict(loaded, draft, latest, fields);

    expect(merge.theirs.map((e) => e.name)).toEqual(['backupContact.name']);
    // Both set the same email: nothing to ask, nothing of mine left to send.
    expect(merge.mine).toEqual([]);
    expect(merge.both).toEqual([
      {
        name: 'phone',
        label: 'Phone',
        loaded: '210-555-0100',
        mine: '210-555-0222',
        theirs: '210-555-0111',
      },
    ]);
    expect(merge.draft).toEqual({ ...latest, phone: '210-555-0222' });
  });
});
