import type { ApiError } from '../../api/ApiError';
import type { ErrorMessage } from '../../writes/wording';

// What approval needs of the orders, as the server names each gap.
const ORDERS_GAPS: Record<string, string> = {
  TransportationAccountingCode: 'HHG TAC',
  DepartmentIndicator: 'department indicator',
  OrdersNumber: 'orders number',
  OrdersTypeDetail: 'orders type detail',
};

/**
 * Refusals of an approval the page can say more about: the orders lack what
 * approval needs (worded with the orders form's names), or no shipment has a
 * requested pickup date to price the move's fees for (a 404 without a body).
 */
export function describeApprovalGaps(error: ApiError): ErrorMessage | null {
  if (error.kind === 'notFound') {
    return {
      heading: 'The move was not approved',
      body: "The server found no requested pickup date among the move's shipments to price its move management and counseling fees for. Nothing was saved.",
    };
  }
  if (error.kind !== 'validation') return null;
  const gaps = [...error.detail.matchAll(/(\w+) cannot be blank\./g)].map(
    ([, name]) => ORDERS_GAPS[name] ?? name,
  );
  if (gaps.length === 0) return null;
  return {
    heading: 'The orders lack what approval needs',
    body: `The move was not approved: its orders have no ${gaps.join(', no ')}. Add ${gaps.length === 1 ? 'it' : 'them'} under Orders (Edit orders), then send the move again.`,
  };
}
