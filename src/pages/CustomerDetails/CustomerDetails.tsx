import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useAppSelector } from '../../app/hooks';
import { selectCustomerById } from '../../entities/customers/customersSlice';
import { selectMoveTaskOrderById } from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { usePageTitle } from '../../components/usePageTitle';
import { AlertSlot } from '../../components/AlertSlot';
import { ApiErrorAlert } from '../../writes/ui/ApiErrorAlert';
import { ResultNotes } from '../../writes/ui/ResultNote';
import { AlertIconsPreload } from '../../components/AlertIconsPreload';
import { Loading } from '../../components/Loading';
import { NotFound } from '../NotFound/NotFound';
import { CustomerInfo } from './CustomerInfo';
import { EditRequestContext, type EditRequest } from './editRequest';
import { MoveTaskOrderPanel } from './MoveTaskOrderPanel';
import { OrdersInfo } from './OrdersInfo';
import { ServiceItemsTable } from './ServiceItemsTable';
import { ShipmentList } from './ShipmentList';
import { useMoveDetails } from './useMoveDetails';
import { useWatchForNewerVersions } from './useWatchForNewerVersions';

/** The TOO's customer details page: /moves/:locator/details */
export function CustomerDetails() {
  // Locators are upper-case letters and digits; one typed in lower case
  // ("rdy4pr") names the same move, which the server looks up exactly.
  const locator = (useParams().locator ?? '').toUpperCase();
  const load = useMoveDetails(locator);
  const loaded = load.state === 'loaded' ? load : null;
  // The move's own locator, however the address spells it ("rdy4pr"), and
  // whose move it is.
  const shownLocator = useAppSelector(
    (state) =>
      (loaded && selectMoveTaskOrderById(state, loaded.moveTaskOrderID)?.locator) || locator,
  );
  const customerName = useAppSelector((state) => {
    const customer = loaded && selectCustomerById(state, loaded.customerID);
    return customer ? [customer.first_name, customer.last_name].filter(Boolean).join(' ') : '';
  });
  const heading = `Move ${shownLocator}${customerName ? ` · ${customerName}` : ''}`;
  usePageTitle(
    load.state === 'loading'
      ? `Loading move ${locator}`
      : load.state === 'failed' && load.error.kind === 'notFound'
        ? `Move ${locator} not found`
        : heading,
  );
  useWatchForNewerVersions(load.state === 'loaded' ? load : null);
  const [request, setRequest] = useState<EditRequest | null>(null);
  const editRequests = useMemo(
    () => ({
      request,
      open: (record: string) => setRequest((last) => ({ record, seq: (last?.seq ?? 0) + 1 })),
    }),
    [request],
  );

  if (load.state === 'loading') return <Loading label={`Loading move ${locator}…`} />;
  if (load.state === 'failed') {
    if (load.error.kind === 'notFound') {
      return (
        <NotFound
          heading={`Move ${locator} not found`}
          detail={`There is no move with the code ${locator}. Check the code and try again.`}
        />
      );
    }
    return (
      <AlertSlot>
        <ApiErrorAlert error={load.error} record="move" headingLevel="h1" />
      </AlertSlot>
    );
  }

  return (
    <EditRequestContext value={editRequests}>
      <ResultNotes>
        <h1>{heading}</h1>
        <div className="grid-row grid-gap-lg">
          <div className="grid-col-12 tablet-lg:grid-col-6">
            <MoveTaskOrderPanel moveTaskOrderID={load.moveTaskOrderID} />
            <CustomerInfo customerID={load.customerID} />
          </div>
          <div className="grid-col-12 tablet-lg:grid-col-6">
            <OrdersInfo orderID={load.orderID} />
          </div>
        </div>
        <ShipmentList moveTaskOrderID={load.moveTaskOrderID} />
        <ServiceItemsTable moveTaskOrderID={load.moveTaskOrderID} />
        <AlertIconsPreload />
      </ResultNotes>
    </EditRequestContext>
  );
}
