import { describe, expect, it } from 'vitest';
import { SEED_LOCATORS } from '../../../mocks/db';
import { seededMove } from '../../../mocks/testApi';
import type { Customer, Order } from '../../api/models';
import { changedNames, valuesOf, type Values } from '../../writes/formValues';
import { customerBody, customerEditFields, orderBody, orderEditFields } from './editFields';

// Records as the server answers them, for the forms to be based on.
const { customer, order } = seededMove(SEED_LOCATORS.submitted) as unknown as {
  customer: Customer;
  order: Order;
};

/** The body a form would send after the user changed `edits` on `base`. */
function customerSave(base: Customer, edits: Values) {
  const loaded = valuesOf(base, customerEditFields);
  const draft = { ...loaded, ...edits };
  return customerBody(base, draft, changedNames(draft, loaded, customerEditFields));
}

function orderSave(base: Order, edits: Values) {
  const loaded = valuesOf(base, orderEditFields);
  const draft = { ...loaded, ...edits };
  return orderBody(base, draft, changedNames(draft, loaded, orderEditFields));
}

describe('the customer body', () => {
  it('always carries the names, the preference flags and cac_validated, which the server always writes', () => {
    const body = customerSave(customer, { email: 'new.address@example.mil' });

    expect(body).toEqual({
      first_name: customer.first_name,
      last_name: customer.last_name,
      phoneIsPreferred: customer.phoneIsPreferred ?? false,
      emailIsPreferred: customer.emailIsPreferred ?? false,
      cac_validated: customer.cacValidated,
      email: 'new.address@example.mil',
    });
  });

  it('sends a flag the server left out as false, and a checked box as true', () => {
    const base: Customer = {
      ...customer,
      phoneIsPreferred: undefined,
      emailIsPreferred: true,
      cacValidated: undefined,
    };

    expect(customerSave(base, {})).toMatchObject({
      phoneIsPreferred: false,
      emailIsPreferred: true,
      cac_validated: false,
    });
    expect(
      customerSave(base, { phoneIsPreferred: 'true', emailIsPreferred: 'false' }),
    ).toMatchObject({ phoneIsPreferred: true, emailIsPreferred: false });
  });

  it('sends an emptied middle name or suffix as "", which clears it', () => {
    const base: Customer = { ...customer, middle_name: 'Lee', suffix: 'Jr.' };

    expect(customerSave(base, { middle_name: '', suffix: '' })).toMatchObject({
      middle_name: '',
      suffix: '',
    });
  });

  it('sends the current address whole, with its id, when any line of it changed', () => {
    const address = customer.current_address!;

    const body = customerSave(customer, { 'current_address.postalCode': '80920' });

    expect(body.current_address).toEqual({
      id: address.id,
      streetAddress1: address.streetAddress1,
      streetAddress2: address.streetAddress2 ?? '',
      city: address.city,
      state: address.state,
      postalCode: '80920',
    });
    expect(body).not.toHaveProperty('backup_contact');
  });

  it('sends the backup contact whole when any of it changed, and neither nested object otherwise', () => {
    expect(customerSave(customer, { 'backup_contact.name': 'Robin Ortiz' }).backup_contact).toEqual(
      {
        ...customer.backup_contact,
        name: 'Robin Ortiz',
      },
    );

    const body = customerSave(customer, { phone: '719-555-0100' });
    expect(body).not.toHaveProperty('current_address');
    expect(body).not.toHaveProperty('backup_contact');
  });
});

describe('the orders body', () => {
  const required = (base: Order) => ({
    issueDate: base.date_issued,
    reportByDate: base.report_by_date,
    ordersType: base.order_type,
    originDutyLocationId: base.originDutyLocation?.id,
    newDutyLocationId: base.destinationDutyLocation?.id,
  });

  it('carries the five fields the server requires, with the duty locations of the record', () => {
    expect(orderSave(order, { order_number: 'ORD1234567' })).toEqual({
      ...required(order),
      ordersNumber: 'ORD1234567',
    });
    expect(order.originDutyLocation?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes the required fields from the version the draft is based on, and the dates the user changed', () => {
    // A colleague's version: the draft is rebased on it after a 412.
    const theirs: Order = {
      ...order,
      date_issued: '2026-08-01',
      originDutyLocation: { ...order.destinationDutyLocation, id: crypto.randomUUID() },
    };

    expect(orderSave(theirs, { report_by_date: '2027-04-01' })).toEqual({
      ...required(theirs),
      reportByDate: '2027-04-01',
    });
  });

  it('names each changed field as the body does, and sends an emptied accounting code as null', () => {
    const base: Order = {
      ...order,
      order_type_detail: 'HHG_PERMITTED',
      department_indicator: 'ARMY',
      grade: 'E-5',
      tac: 'F8E1',
      sac: 'SAC123456',
      ntsTac: 'N4K2',
      ntsSac: undefined,
    };

    const body = orderSave(base, {
      order_type_detail: 'PCS_TDY',
      department_indicator: 'COAST_GUARD',
      grade: 'O-3',
      tac: 'K2Q7',
      sac: '',
      ntsTac: '',
      ntsSac: 'NTS-SAC-1',
    });

    expect(body).toEqual({
      ...required(base),
      ordersTypeDetail: 'PCS_TDY',
      departmentIndicator: 'COAST_GUARD',
      grade: 'O-3',
      tac: 'K2Q7',
      sac: null,
      ntsTac: null,
      ntsSac: 'NTS-SAC-1',
    });
  });
});
