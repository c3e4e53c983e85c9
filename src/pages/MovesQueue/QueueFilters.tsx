import { Button, Checkbox, Fieldset, Label, Select, TextInput } from '@trussworks/react-uswds';
import { memo, useState, type FormEvent } from 'react';
import type { Affiliation } from '../../api/models';
import { QUEUE_STATUSES } from '../../api/models';
import { BRANCH_LABELS, MOVE_STATUS_LABELS } from '../../components/labels';
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

/**
 * The queue's filters, the ones MilMove's TOO queue offers; the server
 * applies them (text matches any part, case aside). Typing does nothing until
 * the user applies them.
 */
export const QueueFilters = memo(function QueueFilters({ applied, onApply }: QueueFiltersProps) {
  const [draft, setDraft] = useState<Filters>(applied);
  const [shown, setShown] = useState(applied);
  if (applied !== shown) {
    setShown(applied);
    setDraft(applied);
  }
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, locator: draft.locator.trim().toUpperCase() });
  };
  const clear = () => {
    setDraft(NO_FILTERS);
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
          <input
            id={`filter-${name}`}
            className="usa-input"
            name={name}
            type="date"
            value={draft[name]}
            onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
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
