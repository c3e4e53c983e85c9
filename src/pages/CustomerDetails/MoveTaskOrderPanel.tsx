import { useCallback } from 'react';
import type { Move } from '../../api/models';
import { useAppSelector } from '../../app/hooks';
import type { RootState } from '../../app/store';
import {
  getMove,
  selectMoveTaskOrderById,
  updateMoveTIORemarks,
} from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import { moveFields } from './displayFields';
import { tioRemarksEditFields } from './editFields';
import { RecordSection } from './RecordSection';
import { SendToPrimeForm } from './SendToPrimeForm';

export function MoveTaskOrderPanel({ moveTaskOrderID }: { moveTaskOrderID: string }) {
  const select = useCallback(
    (state: RootState) => selectMoveTaskOrderById(state, moveTaskOrderID),
    [moveTaskOrderID],
  );
  const locator = useAppSelector((state) => select(state)?.locator ?? '');
  const refetch = useCallback(() => getMove(locator), [locator]);
  if (!locator) return null;

  return (
    <RecordSection
      title="Move task order"
      record="move"
      recordID={moveTaskOrderID}
      select={select}
      refetch={refetch}
      displayFields={moveFields}
      edit={{
        label: 'Edit TIO remarks',
        fields: tioRemarksEditFields,
        body: (_base, draft) => ({ tioRemarks: draft.tioRemarks === '' ? null : draft.tioRemarks }),
        save: (eTag, body) =>
          updateMoveTIORemarks(
            moveTaskOrderID,
            eTag,
            (body as Pick<Move, 'tioRemarks'>).tioRemarks ?? null,
          ),
      }}
    >
      {/* The click handler sends moveTaskOrder.eTag, then each chosen shipment's own. */}
      <SendToPrimeForm moveTaskOrderID={moveTaskOrderID} />
    </RecordSection>
  );
}
