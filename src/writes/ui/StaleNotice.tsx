import { Alert, Button } from '@trussworks/react-uswds';
import { memo, useState } from 'react';
import type { Versioned } from '../../api/models';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { AlertSlot } from '../../components/AlertSlot';
import { formatDateTime } from '../../components/format';
import { selectNewerVersion } from '../newerVersions';
import type { ApiThunkAction } from '../thunks';

interface StaleNoticeProps {
  shown: Versioned;
  /** Fetches the latest version into the store. */
  reload: () => ApiThunkAction;
}

/**
 * Says, before the user acts, that the server has a newer version of the
 * record shown, and offers to show it. A write on the shown version would be
 * refused with 412 and recovered from anyway; this saves the round trip.
 */
export const StaleNotice = memo(function StaleNotice({ shown, reload }: StaleNoticeProps) {
  const dispatch = useAppDispatch();
  const newer = useAppSelector((state) => selectNewerVersion(state, shown));
  const [reloading, setReloading] = useState(false);

  const handleReload = async () => {
    setReloading(true);
    await dispatch(reload());
    setReloading(false);
  };

  return (
    <AlertSlot role="status">
      {newer && (
        <Alert type="info" headingLevel="h3" slim className="stale-notice">
          Updated by someone else{newer.updatedAt ? ` (${formatDateTime(newer.updatedAt)})` : ''}.
          You are looking at an older version.{' '}
          <Button type="button" unstyled onClick={handleReload} disabled={reloading}>
            {reloading ? 'Reloading…' : 'Reload'}
          </Button>
        </Alert>
      )}
    </AlertSlot>
  );
});
