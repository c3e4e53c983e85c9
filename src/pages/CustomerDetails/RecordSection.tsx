import { Button } from '@trussworks/react-uswds';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Versioned } from '../../api/models';
import { useAppSelector } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { AlertSlot } from '../../components/AlertSlot';
import { Details } from '../../components/Details';
import { Loading } from '../../components/Loading';
import { useFocusLater } from '../../components/useFocusLater';
import type { DisplayField } from '../../writes/changes';
import type { EditField, Values } from '../../writes/formValues';
import { selectWriteInFlight } from '../../writes/inFlight';
import type { ApiThunkAction } from '../../writes/thunks';
import { ResultNote, useResultNote } from '../../writes/ui/ResultNote';
import { StaleNotice } from '../../writes/ui/StaleNotice';
import { useEditRequests } from './editRequest';

// Most visits only read: the form and its conflict panel load on first edit.
// lazy() drops the component's type parameter; the cast gives it back.
const EditRecordForm = lazy(() =>
  import('../../writes/ui/EditRecordForm').then((module) => ({
    default: module.EditRecordForm,
  })),
) as unknown as typeof import('../../writes/ui/EditRecordForm').EditRecordForm;

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
    /** The request body of a save: the draft on the version it is based on. */
    body: (base: R, draft: Values, changed: string[]) => unknown;
    save: (ifMatchETag: string, body: unknown) => ApiThunkAction;
  };
  /** More actions on the record, with their own messages. */
  children?: ReactNode;
}

/** One record on the details page: its fields, an edit form, and what became of a save. */
export function RecordSection<R extends Versioned>({
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
  // Set once a save went through: with what to tell about it, if more than that.
  const saved = useResultNote<{ note?: string }>();
  // The Edit button is where a keyboard user is back after Cancel.
  const { ref: editRef, focusLater: focusEdit } = useFocusLater<HTMLButtonElement>();
  const section = useRef<HTMLElement>(null);
  // Another part of the page asked for this form (a refusal that names what
  // the record lacks): open it and bring it into view.
  const { request } = useEditRequests();
  const [handled, setHandled] = useState(request?.seq ?? 0);
  const asked = request?.record === record && request.seq !== handled;
  if (asked) {
    setHandled(request.seq);
    saved.clear();
    setEditing(true);
  }
  useEffect(() => {
    if (request?.record === record) section.current?.scrollIntoView?.({ block: 'start' });
  }, [request, record]);
  if (!current) return null;

  const headingId = `${recordID}-${record.replace(/\s/g, '-')}-heading`;
  return (
    <section ref={section} aria-labelledby={headingId} className="record-card">
      <h2 id={headingId}>{title}</h2>
      <StaleNotice shown={current} reload={refetch} fields={displayFields} editing={editing} />
      <Details record={current} fields={displayFields} />
      <AlertSlot role="status">
        {saved.note && (
          <ResultNote heading={`${title} saved.`} body={saved.note.note} news={saved.note} />
        )}
      </AlertSlot>
      {editing ? (
        <Suspense fallback={<Loading label="Opening the form…" />}>
          <EditRecordForm<R>
            title={title}
            record={record}
            recordID={recordID}
            fields={edit.fields}
            select={select}
            refetch={refetch}
            body={edit.body}
            save={edit.save}
            onClose={(didSave, note) => {
              setEditing(false);
              if (didSave) saved.say({ note });
              else focusEdit();
            }}
          />
        </Suspense>
      ) : (
        <Button
          ref={editRef}
          type="button"
          outline
          className="margin-top-2"
          disabled={writing}
          onClick={() => {
            saved.clear();
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
