import { useEffect } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { onServerMayHaveChanged } from '../../app/serverChanges';
import { checkForNewerVersions, type ShownRecords } from '../../writes/newerVersions';

/** While the page shows these records, check for newer versions whenever the server may have changed. */
export function useWatchForNewerVersions(shown: ShownRecords | null) {
  const dispatch = useAppDispatch();
  const { moveTaskOrderID, orderID, customerID } = shown ?? {};

  useEffect(() => {
    if (!moveTaskOrderID || !orderID || !customerID) return undefined;
    let checking = false;
    return onServerMayHaveChanged(async () => {
      // Focus and visibility often fire together: one check is enough.
      if (checking) return;
      checking = true;
      await dispatch(checkForNewerVersions({ moveTaskOrderID, orderID, customerID }));
      checking = false;
    });
  }, [dispatch, moveTaskOrderID, orderID, customerID]);
}
