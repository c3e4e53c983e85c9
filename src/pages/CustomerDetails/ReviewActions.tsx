import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useApiAction, type ApiThunkAction } from '../../app/hooks';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { RejectForm } from './RejectForm';

interface ReviewActionsProps {
  /** What is reviewed, for messages: "shipment", "service item". */
  record: string;
  /** Which one, for screen readers among many alike: "shipment 1". */
  name: string;
  approve: () => ApiThunkAction;
  reject: (reason: string) => ApiThunkAction;
}

/** Approve or reject (with a reason) one submitted record, and say what went wrong. */
export function ReviewActions({ record, name, approve, reject }: ReviewActionsProps) {
  const action = useApiAction();
  const [rejecting, setRejecting] = useState(false);

  const handleReject = async (reason: string) => {
    if (await action.run(reject(reason))) setRejecting(false);
  };

  return (
    <>
      {action.error && <ApiErrorAlert error={action.error} record={record} headingLevel="h4" />}
      {rejecting ? (
        <RejectForm
          record={record}
          pending={action.pending}
          onReject={handleReject}
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <div className="margin-top-1">
          <Button type="button" onClick={() => action.run(approve())} disabled={action.pending}>
            {action.pending ? 'Approving…' : 'Approve'} <span className="usa-sr-only">{name}</span>
          </Button>
          <Button
            type="button"
            secondary
            onClick={() => setRejecting(true)}
            disabled={action.pending}
          >
            Reject <span className="usa-sr-only">{name}</span>
          </Button>
        </div>
      )}
    </>
  );
}
