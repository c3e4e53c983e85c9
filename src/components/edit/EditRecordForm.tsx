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
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/ApiError';
import type { Versioned } from '../../api/models';
import { useAppDispatch, useAppSelector, useAppStore, type ApiThunkAction } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { loadsLatestAfter, useLatestVersion } from '../../app/writeOutcome';
import { selectWriteInFlight } from '../../entities/writesInFlight';
import { AlertSlot } from '../AlertSlot';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { ConflictPanel } from './ConflictPanel';
import { savedAt } from '../format';
import {
  changedNames,
  fieldsNamedBy,
  mergeOnConflict,
  valuesOf,
  type EditField,
  type Merge,
  type Values,
} from './formValues';

interface EditRecordFormProps<R> {
  /** What is edited, for messages: "customer", "orders". */
  record: string;
  recordID: string;
  fields: EditField[];
  select: (state: RootState) => R | undefined;
  refetch: () => ApiThunkAction;
  /** The request body: the draft on the version it is based on, with the names of the changed fields. */
  body: (base: R, draft: Values, changed: string[]) => unknown;
  save: (ifMatchETag: string, body: unknown) => ApiThunkAction;
  onClose: (saved: boolean) => void;
}

interface Base<R> {
  values: Values;
  eTag: string;
  /** The version the draft is based on. */
  record: R;
}

interface Conflict {
  merge: Merge;
  changedAt: string | null;
}

/** What the form itself can tell is wrong with a field before anything is sent. */
function fieldProblem(field: EditField, value: string): string | undefined {
  if (field.type === 'checkbox') return undefined;
  if (field.required && value.trim() === '') return `Enter ${field.label.toLowerCase()}.`;
  if (value !== '' && field.pattern && !field.pattern.regex.test(value)) {
    return `${field.label} ${field.pattern.message}.`;
  }
  return undefined;
}

/**
 * Edits one record: the draft lives here, not in Redux. Save sends only the
 * changed fields with the eTag of the version the draft is based on. On a 412
 * the draft is kept and rebased on the latest version, and a conflict panel
 * says who changed what; saving again sends the user's changes on top of the
 * colleague's with the fresh eTag.
 */
export function EditRecordForm<R extends Versioned>({
  record,
  recordID,
  fields,
  select,
  refetch,
  body,
  save,
  onClose,
}: EditRecordFormProps<R>) {
  const store = useAppStore();
  const dispatch = useAppDispatch();
  const formId = useId();
  const writing = useAppSelector((state) => selectWriteInFlight(state, recordID));
  const [base, setBase] = useState<Base<R> | null>(() => {
    const current = select(store.getState());
    return current
      ? { values: valuesOf(current, fields), eTag: current.eTag, record: current }
      : null;
  });
  const [draft, setDraft] = useState<Values>(() => base?.values ?? {});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [picks, setPicks] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [missingPicks, setMissingPicks] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [gone, setGone] = useState(base === null);
  // A save that got no verdict, when the latest version could not be loaded after it.
  const [unchecked, setUnchecked] = useState<ApiError | null>(null);
  const { load: loadLatest, loading: loadingLatest } = useLatestVersion(refetch, select);
  const conflictRef = useRef<HTMLElement>(null);
  const pending = writing || loadingLatest;

  const inputId = (name: string) => `${formId}-${name.replace('.', '-')}`;

  const focusField = (name: string) => document.getElementById(inputId(name))?.focus();

  useEffect(() => {
    focusField(fields[0].name);
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const rebase = (latest: R, loaded: Values) => {
    const latestValues = valuesOf(latest, fields);
    const merge = mergeOnConflict(loaded, draft, latestValues, fields);
    setBase({ values: latestValues, eTag: latest.eTag, record: latest });
    setDraft(merge.draft);
    setPicks({});
    setConflict({ merge, changedAt: savedAt(latest) });
  };

  /**
   * Acts on the latest version after a failed save; false when the server
   * still holds the version the draft is based on, so nothing was saved.
   */
  const actOnLatest = (failure: ApiError, latest: R | undefined, names: string[]): boolean => {
    if (!base) return false;
    if (!latest || failure.kind === 'notFound') {
      setGone(true);
      setError({ ...failure, kind: 'notFound' });
      return true;
    }
    // No verdict came, but the latest version has every change: it was saved.
    const latestValues = valuesOf(latest, fields);
    if (failure.kind !== 'conflict' && names.every((name) => latestValues[name] === draft[name])) {
      onClose(true);
      return true;
    }
    if (latest.eTag === base.eTag) return false;
    rebase(latest, base.values);
    return true;
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!base) return;
    const problems = fields.flatMap((field) => {
      const problem = fieldProblem(field, draft[field.name]);
      return problem ? [[field.name, problem] as const] : [];
    });
    if (problems.length > 0) {
      setFieldErrors(Object.fromEntries(problems));
      focusField(problems[0][0]);
      return;
    }
    if (conflict && conflict.merge.both.some((entry) => !picks[entry.name])) {
      setMissingPicks(true);
      conflictRef.current?.focus();
      return;
    }
    const names = changedNames(draft, base.values, fields);
    if (names.length === 0) {
      onClose(false);
      return;
    }
    setError(null);
    setFieldErrors({});
    setMissingPicks(false);
    if (unchecked) {
      // The last save got no verdict and the latest version could not be
      // loaded: that save may have been applied, so look before sending.
      const found = await loadLatest();
      if (!found.loaded) {
        setError(unchecked);
        return;
      }
      setUnchecked(null);
      if (actOnLatest(unchecked, found.latest, names)) return;
    }
    const result = await dispatch(save(base.eTag, body(base.record, draft, names)));
    if (result.meta.requestStatus === 'fulfilled') {
      onClose(true);
      return;
    }
    if ((result.meta as { condition?: boolean }).condition) return;
    const { payload, error: thrown } = result as { payload?: ApiError; error: unknown };
    const failure = payload ?? toApiError(thrown);

    if (loadsLatestAfter(failure)) {
      const found = await loadLatest();
      if (!found.loaded && failure.kind !== 'notFound') {
        setUnchecked(failure);
        setError(failure);
        return;
      }
      if (actOnLatest(failure, found.latest, names)) return;
    }
    if (failure.kind === 'validation') {
      const marked = fieldsNamedBy(failure.invalidFields, failure.detail, fields);
      setFieldErrors(marked);
      const first = Object.keys(marked)[0];
      if (first) focusField(first);
    }
    setError(failure);
  };

  const pick = (name: string, choice: 'mine' | 'theirs') => {
    const entry = conflict?.merge.both.find((e) => e.name === name);
    if (!entry) return;
    setPicks((current) => ({ ...current, [name]: choice }));
    setDraft((current) => ({ ...current, [name]: choice === 'mine' ? entry.mine : entry.theirs }));
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={`Edit ${record}`}>
      <AlertSlot>
        {error && (
          <ApiErrorAlert
            error={error}
            record={record}
            outcome={unchecked ? 'unknown' : 'notSaved'}
          />
        )}
      </AlertSlot>
      {conflict && (
        <ConflictPanel
          ref={conflictRef}
          record={record}
          merge={conflict.merge}
          changedAt={conflict.changedAt}
          picks={picks}
          onPick={pick}
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
              setDraft((current) => ({ ...current, [field.name]: event.target.value })),
          };
          if (field.type === 'checkbox') {
            return (
              <FormGroup key={field.name}>
                <Checkbox
                  id={id}
                  name={field.name}
                  label={field.label}
                  checked={draft[field.name] === 'true'}
                  onChange={(event) =>
                    setDraft((current) => ({
                      ...current,
                      [field.name]: String(event.target.checked),
                    }))
                  }
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
                <input {...common} className="usa-input" type="date" />
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
