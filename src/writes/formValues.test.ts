import { describe, expect, it } from 'vitest';
import {
  changedNames,
  fieldsNamedBy,
  mergeOnConflict,
  valuesOf,
  type EditField,
} from './formValues';

const fields: EditField[] = [
  { name: 'phone', label: 'Phone' },
  { name: 'email', label: 'Email' },
  { name: 'suffix', label: 'Suffix', nullable: true },
  { name: 'order_number', bodyName: 'ordersNumber', label: 'Orders number' },
  { name: 'emailIsPreferred', label: 'Email is preferred', type: 'checkbox' },
  { name: 'phoneIsPreferred', label: 'Phone is preferred', type: 'checkbox' },
  { name: 'backup_contact.name', label: 'Backup contact name' },
  { name: 'backup_contact.phone', label: 'Backup contact phone' },
];

// As the server answers: a false flag and a null pointer are left out.
const record = {
  phone: '210-555-0100',
  email: 'a@example.mil',
  suffix: null,
  order_number: 'ORD1234567',
  phoneIsPreferred: true,
  backup_contact: { name: 'Pat', phone: '210-555-0101', email: 'pat@example.mil' },
};

describe('form values', () => {
  it('reads nested, null and missing fields as strings, and a flag as true or false', () => {
    expect(valuesOf(record, fields)).toEqual({
      phone: '210-555-0100',
      email: 'a@example.mil',
      suffix: '',
      order_number: 'ORD1234567',
      emailIsPreferred: 'false',
      phoneIsPreferred: 'true',
      'backup_contact.name': 'Pat',
      'backup_contact.phone': '210-555-0101',
    });
    // A record with no backup contact at all.
    expect(valuesOf({}, fields)['backup_contact.name']).toBe('');
  });

  it('names the fields the draft changed, a checkbox ticked included', () => {
    const base = valuesOf(record, fields);
    const draft = { ...base, emailIsPreferred: 'true', 'backup_contact.name': 'Sam', suffix: '' };

    expect(changedNames(draft, base, fields)).toEqual(['emailIsPreferred', 'backup_contact.name']);
    expect(changedNames(base, base, fields)).toEqual([]);
  });

  it('rebases a draft: takes theirs, keeps mine, and asks where both differ', () => {
    const loaded = valuesOf(record, fields);
    const draft = {
      ...loaded,
      email: 'mine@example.mil',
      phone: '210-555-0222',
      emailIsPreferred: 'true',
    };
    const latest = {
      ...loaded,
      phone: '210-555-0111',
      'backup_contact.name': 'Jordan',
      email: 'mine@example.mil',
      phoneIsPreferred: 'false',
    };

    const merge = mergeOnConflict(loaded, draft, latest, fields);

    expect(merge.theirs.map((e) => e.name)).toEqual(['phoneIsPreferred', 'backup_contact.name']);
    // Both set the same email: nothing to ask. The ticked box is mine alone.
    expect(merge.mine).toEqual([
      {
        name: 'emailIsPreferred',
        label: 'Email is preferred',
        loaded: 'false',
        mine: 'true',
        theirs: 'false',
      },
    ]);
    expect(merge.both).toEqual([
      {
        name: 'phone',
        label: 'Phone',
        loaded: '210-555-0100',
        mine: '210-555-0222',
        theirs: '210-555-0111',
      },
    ]);
    expect(merge.draft).toEqual({ ...latest, phone: '210-555-0222', emailIsPreferred: 'true' });
  });
});

describe('the fields a refusal names', () => {
  it('marks a field a ValidationError names by its body name', () => {
    expect(
      fieldsNamedBy({ ordersNumber: 'is already taken' }, 'Invalid input found.', fields),
    ).toEqual({ order_number: 'Orders number: is already taken.' });
  });

  it('marks the field a framework detail starts with, nested paths included', () => {
    expect(
      fieldsNamedBy({}, "phone in body should match '^[2-9]\\d{2}-\\d{3}-\\d{4}$'", fields),
    ).toEqual({ phone: "Phone: should match '^[2-9]\\d{2}-\\d{3}-\\d{4}$'." });
    expect(fieldsNamedBy({}, 'backup_contact.phone in body is required', fields)).toEqual({
      'backup_contact.phone': 'Backup contact phone: is required.',
    });
  });

  it('marks the first field of a nested object the refusal names whole', () => {
    expect(fieldsNamedBy({}, 'backup_contact in body is required', fields)).toEqual({
      'backup_contact.name': 'Backup contact name: is required.',
    });
  });

  it('marks nothing for a refusal that names no field of the form', () => {
    expect(fieldsNamedBy({}, 'SAC cannot be more than 80 characters', fields)).toEqual({});
    expect(fieldsNamedBy({ 'error validating mto shipment': 'Too early.' }, '', fields)).toEqual(
      {},
    );
  });
});
