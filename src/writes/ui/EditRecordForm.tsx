import { capitalized } from '../../components/format';
import {
  Button,
  Checkbox,
  ErrorMessage,
  FormGroup,
  Label,
  Select,
  Textarea,
  TextInput,
} from '@trussworks/react-uswds';
import { useCallback, useEffect, useId, useRef, type FormEvent } from 'react';
import type { Versioned } from '../../api/models';
import { AlertSlot } from '../../components/AlertSlot';
import { formatDate, parseDate } from '../dates';
import { changedNames } from '../formValues';
import { ApiErrorAlert } from './ApiErrorAlert';
import { ConflictPanel } from './ConflictPanel';
import { useHoldDraft } from './useHoldDraft';
import { useRecordEdit, type RecordEditOptions } from './useRecordEdit';

type EditRecordFormProps<R> = Omit<RecordEditOptions<R>, 'focusField' | 'focusConflict'> & {
  /** What the page calls the record's section ("Customer info"): the name of an unsaved draft. */
  title?: string;
};

/**
 * The form for one record's edit: its fields, the conflict panel, and what
 * became of a save. What it does lives in useRecordEdit, a reducer driven by
 * outcome.ts's judgement of each failure.
 */
export function EditRecordForm<R extends Versioned>(props: EditRecordFormProps<R>) {
  const { title, ...options } = props;
  const { record, fields, onClose } = options;
  const formId = useId();
  const conflictRef = useRef<HTMLElement>(null);
  const inputId = useCallback((name: string) => `${formId}-${name.replace('.', '-')}`, [formId]);
  const focusField = useCallback(
    (name: string) => document.getElementById(inputId(name))?.focus(),
    [inputId],
  );
  const focusConflict = useCallback(() => conflictRef.current?.focus(), []);
  const { state, act, submit, pending } = useRecordEdit({ ...options, focusField, focusConflict });
  const { draft, conflict, picks, missingPicks, error, fieldErrors, gone } = state;
  // A draft the user changed is not thrown away unasked (writes/drafts.ts).
  const unsaved =
    !gone && state.base !== null && changedNames(draft, state.base.values, fields).length > 0;
  useHoldDraft(title ?? capitalized(record), unsaved);

  useEffect(() => {
    focusField(fields[0].name);
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  const type = (name: string, value: string) => act({ type: 'typed', name, value });

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={`Edit ${record}`}>
      <AlertSlot>
        {error && <ApiErrorAlert error={error.error} record={record} outcome={error.outcome} />}
      </AlertSlot>
      {conflict && (
        <ConflictPanel
          ref={conflictRef}
          record={record}
          merge={conflict.merge}
          changedAt={conflict.changedAt}
          byYou={conflict.by === 'you'}
          picks={picks}
          onPick={(name, choice) => act({ type: 'picked', name, choice })}
          missingPicks={missingPicks}
        />
      )}
      {!gone &&
        fields.map((field) => {
          const id = inputId(field.name);
          const message = fieldErrors[field.name];
          const describedBy = [message && `${id}-error`, field.hint && `${id}-hint`]
            .filter(Boolean)
            .join(' ');
          const common = {
            id,
            name: field.name,
            value: draft[field.name],
            'aria-invalid': message ? true : undefined,
            'aria-describedby': describedBy || undefined,
            required: field.required,
            onChange: (event: { target: { value: string } }) =>
              type(field.name, event.target.value),
          };
          if (field.type === 'checkbox') {
            return (
              <FormGroup key={field.name}>
                <Checkbox
                  id={id}
                  name={field.name}
                  label={field.label}
                  checked={draft[field.name] === 'true'}
                  onChange={(event) => type(field.name, String(event.target.checked))}
                />
              </FormGroup>
            );
          }
          return (
            <FormGroup key={field.name} error={Boolean(message)}>
              <Label htmlFor={id} requiredMarker={field.required}>
                {field.label}
              </Label>
              {field.hint && (
                <span id={`${id}-hint`} className="usa-hint">
                  {field.hint}
                </span>
              )}
              {message && <ErrorMessage id={`${id}-error`}>{message}</ErrorMessage>}
              {field.type === 'textarea' ? (
                <Textarea {...common} maxLength={field.maxLength} />
              ) : field.type === 'select' ? (
                <Select {...common}>
                  {field.nullable && <option value="">—</option>}
                  {Object.entries(field.options ?? {}).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              ) : field.type === 'date' ? (
                // Typed as the page shows dates; written out in full on leaving the field.
                <TextInput
                  {...common}
                  type="text"
                  autoComplete="off"
                  onBlur={(event) => {
                    const day = parseDate(event.target.value);
                    if (day && formatDate(day) !== event.target.value) {
                      type(field.name, formatDate(day));
                    }
                  }}
                />
              ) : (
                <TextInput {...common} type={field.type ?? 'text'} maxLength={field.maxLength} />
              )}
            </FormGroup>
          );
        })}
      <div className="margin-top-3">
        {!gone && (
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : conflict ? 'Save my changes on top of theirs' : 'Save'}
          </Button>
        )}
        <Button type="button" outline onClick={() => onClose(false)} disabled={pending}>
          {gone ? 'Close' : 'Cancel'}
        </Button>
      </div>
    </form>
  );
}
