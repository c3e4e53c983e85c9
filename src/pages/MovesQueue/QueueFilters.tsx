import {
  Button,
  Checkbox,
  ErrorMessage,
  Fieldset,
  Label,
  Select,
  TextInput,
} from '@trussworks/react-uswds';
import { memo, useState, type FormEvent } from 'react';
import type { Affiliation } from '../../api/models';
import { QUEUE_STATUSES } from '../../api/models';
import { BRANCH_LABELS, MOVE_STATUS_LABELS } from '../../components/labels';
import { DATE_HINT, dateText, formatDate, parseDate } from '../../writes/dates';
import { NO_FILTERS, type Filters, type QueueStatus } from './useQueueView';

interface QueueFiltersProps {
  /** The filters to show; a new object puts them back in the form. */
  applied: Filters;
  onApply: (filters: Filters) => void;
}

const TEXT_FILTERS = [
  { name: 'locator', label: 'Move code', maxLength: 6 },
  { name: 'customerName', label: 'Customer name', maxLength: 100 },
  { name: 'edipi', label: 'DoD ID', maxLength: 10 },
  { name: 'originDutyLocation', label: 'Origin duty location', maxLength: 100 },
] as const;

const DATE_FILTERS = [
  { name: 'requestedMoveDate', label: 'Requested move date' },
  { name: 'appearedInTooAt', label: 'Date submitted' },
] as const;

type DateFilter = (typeof DATE_FILTERS)[number]['name'];

/** The date filters as the form shows them: "05 Jan 2026", as the queue writes dates. */
const datesOf = (filters: Filters) =>
  Object.fromEntries(DATE_FILTERS.map(({ name }) => [name, dateText(filters[name])])) as Record<
    DateFilter,
    string
  >;

/**
 * The queue's filters, the ones MilMove's TOO queue offers; the server
 * applies them (text matches any part, case aside). Typing does nothing until
 * the user applies them.
 */
export const QueueFilters = memo(function QueueFilters({ applied, onApply }: QueueFiltersProps) {
  const [draft, setDraft] = useState<Filters>(applied);
  // The dates as typed; the filters get the ISO dates they name.
  const [dates, setDates] = useState(() => datesOf(applied));
  const [dateErrors, setDateErrors] = useState<Partial<Record<DateFilter, string>>>({});
  const [shown, setShown] = useState(applied);
  if (applied !== shown) {
    setShown(applied);
    setDraft(applied);
    setDates(datesOf(applied));
    setDateErrors({});
  }
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<DateFilter, string>> = {};
    const days = { ...draft };
    for (const { name, label } of DATE_FILTERS) {
      const text = dates[name].trim();
      const day = text === '' ? '' : parseDate(text);
      if (day === null) errors[name] = `${label} must be a real day. ${DATE_HINT}.`;
      else days[name] = day;
    }
    setDateErrors(errors);
    const first = DATE_FILTERS.find(({ name }) => errors[name]);
    if (first) {
      document.getElementById(`filter-${first.name}`)?.focus();
      return;
    }
    onApply({ ...days, locator: draft.locator.trim().toUpperCase() });
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setDates(datesOf(NO_FILTERS));
    setDateErrors({});
    onApply(NO_FILTERS);
  };
  const toggleStatus = (status: QueueStatus, checked: boolean) =>
    setDraft({
      ...draft,
      // In the queue's own order, as the server's enum lists them.
      status: QUEUE_STATUSES.filter((each) =>
        each === status ? checked : draft.status.includes(each),
      ),
    });

  return (
    <form onSubmit={handleSubmit} aria-label="Filter moves" className="queue-filters">
      {TEXT_FILTERS.map(({ name, label, maxLength }) => (
        <div key={name}>
          <Label htmlFor={`filter-${name}`}>{label}</Label>
          <TextInput
            id={`filter-${name}`}
            name={name}
            type="text"
            maxLength={maxLength}
            value={draft[name]}
            onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
          />
        </div>
      ))}
      <div>
        <Label htmlFor="filter-branch">Branch</Label>
        <Select
          id="filter-branch"
          name="branch"
          value={draft.branch}
          onChange={(event) =>
            setDraft({ ...draft, branch: event.target.value as Affiliation | '' })
          }
        >
          <option value="">All branches</option>
          {Object.entries(BRANCH_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      {DATE_FILTERS.map(({ name, label }) => (
        <div key={name}>
          <Label htmlFor={`filter-${name}`}>{label}</Label>
          <span id={`filter-${name}-hint`} className="usa-hint">
            {DATE_HINT}
          </span>
          {dateErrors[name] && (
            <ErrorMessage id={`filter-${name}-error`}>{dateErrors[name]}</ErrorMessage>
          )}
          <TextInput
            id={`filter-${name}`}
            name={name}
            type="text"
            autoComplete="off"
            value={dates[name]}
            aria-invalid={dateErrors[name] ? true : undefined}
            aria-describedby={[dateErrors[name] && `filter-${name}-error`, `filter-${name}-hint`]
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => setDates({ ...dates, [name]: event.target.value })}
            onBlur={(event) => {
              // Written out in full on leaving the field.
              const day = parseDate(event.target.value);
              if (day) setDates({ ...dates, [name]: formatDate(day) });
            }}
          />
        </div>
      ))}
      <Fieldset legend="Status" className="queue-filters__statuses">
        {QUEUE_STATUSES.map((status) => (
          <Checkbox
            key={status}
            id={`filter-status-${status.replace(/\s/g, '-')}`}
            name="status"
            value={status}
            label={MOVE_STATUS_LABELS[status]}
            checked={draft.status.includes(status)}
            onChange={(event) => toggleStatus(status, event.target.checked)}
          />
        ))}
      </Fieldset>
      <div className="queue-filters__actions">
        <Button type="submit">Apply filters</Button>
        <Button type="button" unstyled onClick={clear}>
          Clear filters
        </Button>
      </div>
    </form>
  );
});
