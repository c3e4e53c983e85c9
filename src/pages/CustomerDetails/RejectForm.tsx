import { Button, ErrorMessage, Label, Textarea } from '@trussworks/react-uswds';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

interface RejectFormProps {
  record: string;
  pending: boolean;
  onReject: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why a shipment or service item is rejected; the reason is required. */
export function RejectForm({ record, pending, onReject, onCancel }: RejectFormProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  // The form opens where the Reject button was: the reason is the next step.
  useEffect(() => field.current?.focus(), []);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(trimmed === '');
    if (trimmed !== '') onReject(trimmed);
    else field.current?.focus();
  };

  return (
    <form onSubmit={handleSubmit} className="margin-top-2" noValidate>
      <Label htmlFor={`${id}-reason`}>Reason for rejecting this {record}</Label>
      {missing && <ErrorMessage id={`${id}-error`}>Enter a reason for the rejection.</ErrorMessage>}
      <Textarea
        inputRef={field}
        id={`${id}-reason`}
        name="rejectionReason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        aria-describedby={missing ? `${id}-error` : undefined}
        aria-invalid={missing}
        required
      />
      <div className="margin-top-1">
        <Button type="submit" secondary disabled={pending}>
          {pending ? 'Rejecting…' : 'Confirm rejection'}
        </Button>
        <Button type="button" unstyled onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
