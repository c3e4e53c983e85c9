import { Alert, Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useAppDispatch, useAppSelector, type ApiThunkAction } from '../app/hooks';
import { selectNewerVersionAt } from '../entities/newerVersions';
import { AlertSlot } from './AlertSlot';
import { formatDateTime } from './format';

interface StaleNoticeProps {
  shown: { id: string; updatedAt: string };
  /** Fetches the latest version into the store. */
  reload: () => ApiThunkAction;
}

/**
 * Says, before the user acts, that the server has a newer version of the
 * record shown, and offers to show it. A write on the shown version would be
 * refused with 412 and recovered from anyway; this saves the round trip.
 */
export function StaleNotice({ shown, reload }: StaleNoticeProps) {
  const dispatch = useAppDispatch();
  const newerAt = useAppSelector((state) => selectNewerVersionAt(state, shown));
  const [reloading, setReloading] = useState(false);

  const handleReload = async () => {
    setReloading(true);
    await dispatch(reload());
    setReloading(false);
  };

  return (
    <AlertSlot role="status">
      {newerAt && (
        <Alert type="info" headingLevel="h3" slim className="stale-notice">
          Updated by someone else ({formatDateTime(newerAt)}). You are looking at an older version.{' '}
          <Button type="button" unstyled onClick={handleReload} disabled={reloading}>
            {reloading ? 'Reloading…' : 'Reload'}
          </Button>
        </Alert>
      )}
    </AlertSlot>
  );
}
