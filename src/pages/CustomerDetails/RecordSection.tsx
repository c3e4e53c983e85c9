import { Alert, Button } from '@trussworks/react-uswds';
import { useState, type ReactNode } from 'react';
import { useAppSelector, type ApiThunkAction } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { AlertSlot } from '../../components/AlertSlot';
import type { DisplayField } from '../../components/changes';
import { Details } from '../../components/Details';
import { StaleNotice } from '../../components/StaleNotice';
import { EditRecordForm } from '../../components/edit/EditRecordForm';
import type { EditField } from '../../components/edit/formValues';
import { selectWriteInFlight } from '../../entities/writesInFlight';

interface RecordSectionProps<R> {
  title: string;
  /** What the record is called in messages: "customer", "orders", "move". */
  record: string;
  recordID: string;
  select: (state: RootState) => R | undefined;
  refetch: () => ApiThunkAction;
  displayFields: DisplayField<R>[];
  edit: {
    label: string;
    fields: EditField[];
    save: (ifMatchETag: string, changes: Record<string, unknown>) => ApiThunkAction;
  };
  /** More actions on the record, with their own messages. */
  children?: ReactNode;
}

/** One record on the details page: its fields, an edit form, and what became of a save. */
export function RecordSection<R extends { id: string; eTag: string; updatedAt: string }>({
  title,
  record,
  recordID,
  select,
  refetch,
  displayFields,
  edit,
  children,
}: RecordSectionProps<R>) {
  const current = useAppSelector(select);
  const writing = useAppSelector((state) => selectWriteInFlight(state, recordID));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!current) return null;

  const headingId = `${recordID}-${record.replace(/\s/g, '-')}-heading`;
  return (
    <section aria-labelledby={headingId} className="record-card">
      <h2 id={headingId}>{title}</h2>
      <StaleNotice shown={current} reload={refetch} />
      <Details record={current} fields={displayFields} />
      <AlertSlot role="status">
        {saved && (
          <Alert type="success" headingLevel="h3" slim>
            {title} saved.
          </Alert>
        )}
      </AlertSlot>
      {editing ? (
        <EditRecordForm
          record={record}
          recordID={recordID}
          fields={edit.fields}
          select={select}
          refetch={refetch}
          save={edit.save}
          onClose={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <Button
          type="button"
          outline
          className="margin-top-2"
          disabled={writing}
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {edit.label}
        </Button>
      )}
      {children}
    </section>
  );
}
