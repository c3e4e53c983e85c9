// Developer controls for the mock API. Loaded lazily, and only when mocking
// is on (pages/Layout.tsx), so a build with mocking off has none of it.
import { Button, ButtonGroup, Checkbox, Label, Select } from '@trussworks/react-uswds';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { actAsAnotherUser, resetMockData } from '../../mocks/browser';
import { useAppSelector } from '../app/hooks';
import type { RootState } from '../app/store';
import { serverMayHaveChanged } from '../app/serverChanges';
import { selectAllCustomers } from '../entities/customers/customersSlice';
import { selectAllMoveTaskOrders } from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import { selectAllOrders } from '../entities/orders/ordersSlice';
import {
  selectServiceItemById,
  selectServiceItemIdsOfMove,
} from '../entities/serviceItems/serviceItemsSlice';
import { selectShipmentById, selectShipmentIdsOfMove } from '../entities/shipments/shipmentsSlice';
import { AlertSlot } from '../components/AlertSlot';
import { labelOf, SHIPMENT_TYPE_LABELS } from '../components/labels';
import { describeDrafts, discardDrafts, subscribeToDrafts, unsavedDrafts } from '../writes/drafts';
import { MOCK_LOG_KEY } from './mockLog';

type Kind = Parameters<typeof actAsAnotherUser>[0];

interface Target {
  value: string;
  label: string;
}

interface TargetGroup {
  /** "Move RDY4PR" */
  label: string;
  targets: Target[];
}

/** The API's status in words: "approvals requested". */
const statusOf = (status: string) => status.toLowerCase().replace(/_/g, ' ');

const of = (kind: Kind, id: string, label: string) => ({ value: `${kind}:${id}`, label });

/**
 * Every record the app holds, by its move, each named the way the page
 * names it and with its move, so no two read the same: "Move RDY4PR ·
 * Shipment 2 HHG (submitted)", the shipments numbered in the move's order.
 */
function targetGroupsOf(state: RootState): TargetGroup[] {
  const orders = new Map(selectAllOrders(state).map((order) => [order.id, order]));
  const customers = new Map(selectAllCustomers(state).map((customer) => [customer.id, customer]));
  return selectAllMoveTaskOrders(state).map((move) => {
    const name = `Move ${move.locator}`;
    const targets = [of('move', move.id, name)];
    const order = orders.get(move.ordersId);
    const customer = order && customers.get(order.customerID);
    if (customer) {
      const fullName = [customer.first_name, customer.last_name].filter(Boolean).join(' ');
      targets.push(of('customer', customer.id, `${name} · Customer ${fullName}`));
    }
    if (order) {
      targets.push(of('order', order.id, `${name} · Orders ${order.order_number ?? order.id}`));
    }
    const shipmentIDs = selectShipmentIdsOfMove(state, move.id);
    shipmentIDs.forEach((id, index) => {
      const shipment = selectShipmentById(state, id);
      if (!shipment) return;
      const type = labelOf(SHIPMENT_TYPE_LABELS, shipment.shipmentType);
      const status = statusOf(shipment.status);
      targets.push(of('shipment', id, `${name} · Shipment ${index + 1} ${type} (${status})`));
    });
    for (const id of selectServiceItemIdsOfMove(state, move.id)) {
      const item = selectServiceItemById(state, id);
      if (!item) continue;
      const index = item.mtoShipmentID ? shipmentIDs.indexOf(item.mtoShipmentID) : -1;
      const target = index >= 0 ? `shipment ${index + 1}` : 'the move';
      const status = statusOf(item.status);
      targets.push(
        of(
          'serviceItem',
          id,
          `${name} · Service item ${item.reServiceCode}, ${target} (${status})`,
        ),
      );
    }
    return { label: name, targets };
  });
}

/** "Reset and discard it?" with the list of the drafts it would throw away. */
const resetQuestion = (drafts: readonly string[]) =>
  drafts.length === 0
    ? 'Reset the mock data?'
    : `${describeDrafts(drafts)} Reset and discard ${drafts.length === 1 ? 'it' : 'them'}?`;

export default function DevControls() {
  const id = useId();
  const groups = useAppSelector(targetGroupsOf, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  const targets = groups.flatMap((group) => group.targets);
  const [chosen, setChosen] = useState('');
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  const [logging, setLogging] = useState(() => localStorage.getItem(MOCK_LOG_KEY) === 'on');
  const target = targets.find((t) => t.value === chosen) ?? targets[0];
  // The open edit forms with unsaved changes: a reset would throw them away.
  const drafts = useSyncExternalStore(subscribeToDrafts, unsavedDrafts);
  const [asking, setAsking] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const actAsColleague = async () => {
    if (!target) return;
    const [kind, recordID] = target.value.split(':') as [Kind, string];
    setBusy(true);
    setSaid(`${target.label}: ${await actAsAnotherUser(kind, recordID)}.`);
    setBusy(false);
    // As if the colleague's tab had told this one.
    serverMayHaveChanged();
  };

  const reset = async () => {
    // The user chose to discard them: the reload that follows asks nothing.
    discardDrafts();
    setAsking(false);
    setBusy(true);
    await resetMockData();
    window.location.reload();
  };
  // Unsaved drafts are never thrown away unasked.
  const askToReset = () => {
    if (unsavedDrafts().length === 0) void reset();
    else if (asking) question.current?.focus();
    else setAsking(true);
  };
  const cancelReset = useCallback(() => {
    setAsking(false);
    resetButton.current?.focus();
  }, []);
  // Escape within the question answers it as Cancel does.
  const questionGroup = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!asking) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !questionGroup.current?.contains(event.target as Node)) return;
      event.preventDefault();
      cancelReset();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [asking, cancelReset]);

  return (
    <aside
      aria-labelledby={`${id}-heading`}
      className="dev-controls bg-white border-2px border-dashed border-base-dark radius-md shadow-2 padding-2"
    >
      <details>
        <summary>
          <h2 id={`${id}-heading`} className="dev-controls__heading">
            Developer controls (mock API)
          </h2>
        </summary>
        <Label htmlFor={`${id}-target`}>Record</Label>
        <Select
          id={`${id}-target`}
          name="record"
          value={target?.value ?? ''}
          onChange={(event) => setChosen(event.target.value)}
          disabled={targets.length === 0}
        >
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.targets.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
        <ButtonGroup className="margin-top-1">
          <Button type="button" onClick={actAsColleague} disabled={busy || !target}>
            Act as another user
          </Button>
          <Button type="button" secondary ref={resetButton} onClick={askToReset} disabled={busy}>
            Reset mock data
          </Button>
        </ButtonGroup>
        {asking && (
          <div
            ref={questionGroup}
            role="group"
            aria-labelledby={`${id}-question`}
            className="margin-top-1"
          >
            <p id={`${id}-question`} ref={question} tabIndex={-1} className="margin-top-0">
              {resetQuestion(drafts)}
            </p>
            <ButtonGroup>
              <Button type="button" secondary onClick={() => void reset()}>
                Reset and discard
              </Button>
              <Button type="button" outline onClick={cancelReset}>
                Cancel
              </Button>
            </ButtonGroup>
          </div>
        )}
        <Checkbox
          id={`${id}-log`}
          name="mockLog"
          className="margin-top-1"
          label="Log mock requests in the console (from the next reload)"
          checked={logging}
          onChange={(event) => {
            setLogging(event.target.checked);
            localStorage.setItem(MOCK_LOG_KEY, event.target.checked ? 'on' : 'off');
          }}
        />
        <AlertSlot role="status">{said && <p>{said}</p>}</AlertSlot>
      </details>
    </aside>
  );
}
