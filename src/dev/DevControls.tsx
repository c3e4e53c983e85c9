// Developer controls for the mock API. Loaded lazily, and only when mocking
// is on (pages/Layout.tsx), so a build with mocking off has none of it.
import { Button, ButtonGroup, Checkbox, Label, Select } from '@trussworks/react-uswds';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { actAsAnotherUser, resetMockData } from '../../mocks/browser';
import { useAppSelector } from '../app/hooks';
import type { RootState } from '../app/store';
import { serverMayHaveChanged } from '../app/serverChanges';
import { selectAllCustomers } from '../entities/customers/customersSlice';
import { selectAllMoveTaskOrders } from '../entities/moveTaskOrders/moveTaskOrdersSlice';
import { selectAllOrders } from '../entities/orders/ordersSlice';
import { selectAllServiceItems } from '../entities/serviceItems/serviceItemsSlice';
import { selectAllShipments } from '../entities/shipments/shipmentsSlice';
import { AlertSlot } from '../components/AlertSlot';
import { describeDrafts, discardDrafts, subscribeToDrafts, unsavedDrafts } from '../writes/drafts';
import { MOCK_LOG_KEY } from './mockLog';

type Kind = Parameters<typeof actAsAnotherUser>[0];

interface Target {
  value: string;
  label: string;
}

// Every record the app holds, named the way the page names it.
function targetsOf(state: RootState): Target[] {
  const of = (kind: Kind, id: string, label: string) => ({ value: `${kind}:${id}`, label });
  return [
    ...selectAllMoveTaskOrders(state).map((m) => of('move', m.id, `Move ${m.locator}`)),
    ...selectAllCustomers(state).map((c) =>
      of('customer', c.id, `Customer ${c.first_name ?? ''} ${c.last_name ?? ''}`),
    ),
    ...selectAllOrders(state).map((o) => of('order', o.id, `Orders ${o.order_number ?? o.id}`)),
    ...selectAllShipments(state).map((s) =>
      of(
        'shipment',
        s.id,
        `Shipment ${s.shipmentLocator ?? s.shipmentType} (${s.status.toLowerCase()})`,
      ),
    ),
    ...selectAllServiceItems(state).map((i) =>
      of('serviceItem', i.id, `Service item ${i.reServiceCode} (${i.status.toLowerCase()})`),
    ),
  ];
}

/** "Reset and discard it?" with the list of the drafts it would throw away. */
const resetQuestion = (drafts: readonly string[]) =>
  drafts.length === 0
    ? 'Reset the mock data?'
    : `${describeDrafts(drafts)} Reset and discard ${drafts.length === 1 ? 'it' : 'them'}?`;

export default function DevControls() {
  const id = useId();
  const targets = useAppSelector(targetsOf, (a, b) => JSON.stringify(a) === JSON.stringify(b));
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
  const cancelReset = () => {
    setAsking(false);
    resetButton.current?.focus();
  };

  return (
    <aside aria-labelledby={`${id}-heading`} className="dev-controls">
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
          {targets.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
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
          <div role="group" aria-labelledby={`${id}-question`} className="margin-top-1">
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
