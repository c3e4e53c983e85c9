import { Button } from '@trussworks/react-uswds';
import { formatDateTime } from '../../components/format';
import { formatChange } from '../../writes/changes';
import { FocusedAlert } from '../../writes/ui/FocusedAlert';
import { shipmentsInWords } from './sendToPrimePlan';
import { describeStep2, type Step2Report } from './sendToPrimeStep2';

interface Step2AlertProps {
  report: Step2Report;
  /** Step 1 approved the move in this job. */
  moveApproved: boolean;
  pending: boolean;
  onFinish: () => void;
}

/**
 * Why the shipments were not approved, shipment by shipment: what a colleague
 * changed or already did, what the server refused; and the one click that
 * sends what is left (step 2 only) on the latest versions. Focus moves here.
 */
export function Step2Alert({ report, moveApproved, pending, onFinish }: Step2AlertProps) {
  const message = describeStep2(report, moveApproved);
  const changed = report.shipments.filter(({ changes }) => changes.length > 0);
  const type = report.error.kind === 'conflict' ? 'warning' : 'error';
  return (
    <FocusedAlert type={type} heading={message.heading} body={message.body} news={report}>
      {message.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      {changed.map(({ named, changes, changedAt }) => (
        <div key={named.shipment.id}>
          <p>
            What changed on {shipmentsInWords([named])}
            {changedAt ? ` (saved ${formatDateTime(changedAt)})` : ''}:
          </p>
          <ul>
            {changes.map((change) => (
              <li key={change.label}>{formatChange(change)}</li>
            ))}
          </ul>
        </div>
      ))}
      {message.offer && (
        <Button type="button" onClick={onFinish} disabled={pending}>
          {pending ? 'Working…' : message.offer}
        </Button>
      )}
    </FocusedAlert>
  );
}
