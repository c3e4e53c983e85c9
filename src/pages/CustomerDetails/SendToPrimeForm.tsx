import { Button, Checkbox, Fieldset } from '@trussworks/react-uswds';
import { useEffect, useId, useRef, type FormEvent } from 'react';
import { AlertSlot } from '../../components/AlertSlot';
import { capitalized } from '../../components/format';
import { offersRedo, RecoveryAlert } from '../../writes/ui/RecoveryAlert';
import { ResultNote } from '../../writes/ui/ResultNote';
import { describeApprovalGaps } from './approvalGaps';
import { useEditRequests } from './editRequest';
import { describeDone } from './sendToPrimeDone';
import { shipmentName, shipmentsInWords } from './sendToPrimePlan';
import { describeStep2 } from './sendToPrimeStep2';
import { Step2Alert } from './Step2Alert';
import { useSendToPrime, type Phase } from './useSendToPrime';

/** What the job is doing now, for the live region: the running step by name. */
function progress(phase: Phase): string | null {
  if (phase.kind !== 'running') return null;
  const step = phase.of === 2 ? `Step ${phase.step} of 2: ` : '';
  const what = phase.approving === 'the move' ? 'the move' : shipmentsInWords(phase.approving);
  const words = phase.waiting
    ? `waiting for your other change to finish before approving ${what}…`
    : `approving ${what}…`;
  return step ? `${step}${words}` : capitalized(words);
}

/**
 * Send to Prime: the requested shipments to approve, the move-level service
 * items to add, what the button will do, and what came of it.
 */
export function SendToPrimeForm({ moveTaskOrderID }: { moveTaskOrderID: string }) {
  const job = useSendToPrime(moveTaskOrderID);
  const { plan, choice, phase, step1Recovery, pending, result } = job;
  const summaryId = useId();
  // Ids unique on the page, even with the same move shown twice (tests render two tabs in one document).
  const idBase = useId();
  const { open } = useEditRequests();
  // The one-click finish is pressed in an alert that goes while the job
  // runs: the focus, left on nothing, moves to the running step.
  const progressRef = useRef<HTMLParagraphElement>(null);
  const running = phase.kind === 'running';
  useEffect(() => {
    if (running && (document.activeElement === null || document.activeElement === document.body)) {
      progressRef.current?.focus();
    }
  }, [running]);
  if (!plan) return null;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void job.send();
  };
  // An alert that offers the job again has the one button for it. A refusal
  // of step 1 for what the orders lack offers none: once the orders are
  // complete, the move is sent again from here.
  const recoveryOffers =
    (step1Recovery !== null && offersRedo(step1Recovery)) ||
    (phase.kind === 'step2Failed' && describeStep2(phase.report, false).offer !== null);
  const shown = plan.needsApproval || plan.offered.length > 0;
  const gaps = step1Recovery ? describeApprovalGaps(step1Recovery.error) : null;

  return (
    <>
      <AlertSlot>
        {step1Recovery && (
          <RecoveryAlert
            recovery={step1Recovery}
            record="move"
            action="Send to Prime"
            pending={pending}
            onRedo={() => void job.send()}
            explain={describeApprovalGaps}
          />
        )}
        {step1Recovery && gaps?.heading === 'The orders lack what approval needs' && (
          <Button type="button" outline onClick={() => open('orders')}>
            Edit orders
          </Button>
        )}
        {phase.kind === 'step2Failed' && (
          <Step2Alert
            report={phase.report}
            moveApproved={job.moveApprovedInJob}
            pending={pending}
            onFinish={() => void job.finish()}
          />
        )}
      </AlertSlot>
      <AlertSlot role="status">
        {phase.kind === 'running' && (
          <p ref={progressRef} tabIndex={-1} className="margin-y-1">
            {progress(phase)}
          </p>
        )}
        {result && <DoneAlert phase={result} />}
      </AlertSlot>
      {shown && (
        <form
          className="send-to-prime margin-top-2"
          onSubmit={handleSubmit}
          aria-label="Send to Prime"
        >
          {plan.offered.length > 0 && (
            <Fieldset legend="Requested shipments to approve">
              {plan.offered.map((named) => (
                <Checkbox
                  key={named.shipment.id}
                  id={`${idBase}-${named.shipment.id}`}
                  name="shipments"
                  label={shipmentName(named)}
                  checked={choice.shipmentIDs.includes(named.shipment.id)}
                  disabled={pending}
                  onChange={(event) => job.toggleShipment(named.shipment.id, event.target.checked)}
                />
              ))}
            </Fieldset>
          )}
          {(plan.offersMoveManagement || plan.offersCounseling) && (
            <Fieldset legend="Service items to add to the move">
              {plan.offersMoveManagement && (
                <Checkbox
                  id={`${idBase}-ms`}
                  name="serviceCodeMS"
                  label="Move management (MS)"
                  checked
                  disabled
                  readOnly
                />
              )}
              {plan.offersCounseling && (
                <Checkbox
                  id={`${idBase}-cs`}
                  name="serviceCodeCS"
                  label="Counseling (CS)"
                  checked={choice.counseling}
                  disabled={pending}
                  onChange={(event) => job.setCounseling(event.target.checked)}
                />
              )}
            </Fieldset>
          )}
          <p id={summaryId} className="margin-y-1">
            {plan.summary ?? plan.blocked}
          </p>
          {!recoveryOffers && (
            // Nothing to send, or the job is running: the button says so with
            // aria-disabled and keeps the focus, so a keyboard user hears why
            // and is not dropped to the page's start. A press meanwhile does
            // nothing (the job runs once).
            <Button
              type="submit"
              aria-disabled={plan.blocked !== null || pending}
              aria-describedby={summaryId}
            >
              {pending ? 'Sending to Prime…' : 'Send to Prime'}
            </Button>
          )}
        </form>
      )}
    </>
  );
}

function DoneAlert({ phase }: { phase: Extract<Phase, { kind: 'done' }> }) {
  const { heading, body } = describeDone(phase);
  return <ResultNote heading={heading} body={body} news={phase} slim={false} />;
}
