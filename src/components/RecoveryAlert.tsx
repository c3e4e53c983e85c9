import { Button } from '@trussworks/react-uswds';
import { useEffect, useId, useRef } from 'react';
import type { Recovery } from '../app/useRecoverableWrite';
import { formatChange } from './changes';
import { describeApiError } from './describeApiError';
import { formatDateTime } from './format';

interface RecoveryAlertProps {
  recovery: Recovery;
  /** What was being changed: "move", "shipment". */
  record: string;
  /** The action to offer again: "Send to Prime", "Approve". */
  action: string;
  pending: boolean;
  onRedo: () => void;
}

/**
 * Why a write failed and what to do now. For a conflict: what changed since
 * the user loaded the record, field by field, and the same action again on
 * the latest version, unless that version makes it moot. Focus moves here so
 * keyboard and screen-reader users land on it.
 */
export function RecoveryAlert({ recovery, record, action, pending, onRedo }: RecoveryAlertProps) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [recovery]);

  const { error, changes, changedAt, gone, moot } = recovery;
  const message = describeApiError(gone ? { ...error, kind: 'notFound' } : error, record);
  const again = error.kind === 'conflict' ? `${action} again` : 'Try again';

  return (
    // USWDS alert markup written out: react-uswds' Alert wraps its children in
    // a <p>, and this alert holds paragraphs, a list and a button.
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={`usa-alert usa-alert--${error.kind === 'conflict' ? 'warning' : 'error'} recovery-alert`}
    >
      <div className="usa-alert__body">
        <h3 id={headingId} className="usa-alert__heading">
          {message.heading}
        </h3>
        <p className="usa-alert__text">{message.body}</p>
        {changes.length > 0 && (
          <>
            <p>What changed{changedAt ? ` (saved ${formatDateTime(changedAt)})` : ''}:</p>
            <ul>
              {changes.map((change) => (
                <li key={change.label}>{formatChange(change)}</li>
              ))}
            </ul>
          </>
        )}
        {error.kind === 'conflict' && changes.length === 0 && !gone && (
          <p>
            The fields that changed are not shown on this page. The page shows the latest version.
          </p>
        )}
        {moot && <p>{moot}</p>}
        {!gone && !moot && error.kind !== 'validation' && error.kind !== 'preconditionRequired' && (
          <Button type="button" onClick={onRedo} disabled={pending}>
            {pending ? 'Working…' : again}
          </Button>
        )}
      </div>
    </section>
  );
}
