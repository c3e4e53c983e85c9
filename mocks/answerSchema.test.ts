// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { misfits } from './answerSchema';

const SERVICE_ITEM = {
  id: '5a5b2c4e-7a59-4d38-9e47-3a4a2a0f6d11',
  moveTaskOrderID: '2301cc56-c441-493c-928e-dd471a9e8c51',
  reServiceID: '1130e612-94eb-49a7-973d-72f33685e551',
  reServiceCode: 'MS',
  reServiceName: 'Move management',
  status: 'APPROVED',
  convertToCustomerExpense: false,
  approvedAt: '2026-12-01T09:30:00.250Z',
  updatedAt: '0001-01-01T00:00:00.000Z',
  eTag: 'MjAyNi0xMi0wMVQwOTozMDowMC4yNTAwMDFa',
};

describe('checking an answer against our document', () => {
  it('finds nothing wrong with an answer that fits', () => {
    expect(misfits('updateMTOServiceItemStatus', SERVICE_ITEM)).toEqual([]);
    expect(misfits('listMTOServiceItems', [SERVICE_ITEM, SERVICE_ITEM])).toEqual([]);
  });

  it('names every field that breaks the schema, nested ones by their path', () => {
    const { reServiceName: _name, ...withoutName } = SERVICE_ITEM;
    expect(
      misfits('listMTOServiceItems', [
        {
          ...withoutName,
          status: 'DONE',
          approvedAt: '2026-12-01T09:30:00Z',
          createdAt: '2026-02-30T00:00:00.000Z',
          convertToCustomerExpense: 'no',
          id: 'ABC',
          mtoShipmentID: null,
          estimatedPrice: 100,
        },
      ]),
    ).toEqual([
      '[0].reServiceName is required but absent',
      '[0].id "ABC" is no uuid',
      '[0].status is "DONE", not one of its enum',
      '[0].convertToCustomerExpense is not a boolean',
      // Without milliseconds: not the layout the server prints.
      '[0].approvedAt "2026-12-01T09:30:00Z" is no date-time',
      '[0].createdAt "2026-02-30T00:00:00.000Z" is no date-time',
      '[0].estimatedPrice is not in the document',
    ]);
  });

  it('takes null only where the document says nullable', () => {
    expect(misfits('getMove', { tioRemarks: null, status: null })).toEqual([
      'status is null, which its schema does not allow',
    ]);
  });

  it("checks patterns, and a queue row's nested customer and office", () => {
    expect(
      misfits('getMovesQueue', {
        page: 1,
        queueMoves: [{ customer: { phone: '555-1234' }, originDutyLocation: { address: {} } }],
      }),
    ).toEqual([
      'queueMoves[0].customer.phone "555-1234" does not match ^[2-9]\\d{2}-\\d{3}-\\d{4}$',
      'queueMoves[0].originDutyLocation.address.streetAddress1 is required but absent',
      'queueMoves[0].originDutyLocation.address.city is required but absent',
      'queueMoves[0].originDutyLocation.address.state is required but absent',
      'queueMoves[0].originDutyLocation.address.postalCode is required but absent',
    ]);
  });
});
