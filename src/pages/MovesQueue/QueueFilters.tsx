import { Button, Label, Select, TextInput } from '@trussworks/react-uswds';
import { memo, useState, type FormEvent } from 'react';
import { formatMoveStatus } from '../../components/format';
import { MOVE_STATUSES, type QueueView } from './useQueueView';

export type Filters = Pick<QueueView, 'locator' | 'customerName' | 'status'>;

interface QueueFiltersProps {
  /** The filters to show; a new object puts them back in the form. */
  applied: Filters;
  onApply: (filters: Filters) => void;
}

/** Filters the server applies; typing does nothing until the user applies them. */
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
    const none: Filters = { locator: '', customerName: '', status: '' };
    setDraft(none);
    onApply(none);
  };

  return (
    <form onSubmit={handleSubmit} aria-label="Filter moves" className="queue-filters">
      <div>
        <Label htmlFor="filter-locator">Move code</Label>
        <TextInput
          id="filter-locator"
          name="locator"
          type="text"
          maxLength={6}
          value={draft.locator}
          onChange={(event) => setDraft({ ...draft, locator: event.target.value })}
        />
      </div>
      <div>
        <Label htmlFor="filter-customer">Customer name</Label>
        <TextInput
          id="filter-customer"
          name="customerName"
          type="text"
          maxLength={100}
          value={draft.customerName}
          onChange={(event) => setDraft({ ...draft, customerName: event.target.value })}
        />
      </div>
      <div>
        <Label htmlFor="filter-status">Status</Label>
        <Select
          id="filter-status"
          name="status"
          value={draft.status}
          onChange={(event) =>
            setDraft({ ...draft, status: event.target.value as Filters['status'] })
          }
        >
          <option value="">Any status</option>
          {MOVE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {formatMoveStatus(status)}
            </option>
          ))}
        </Select>
      </div>
      <div className="queue-filters__actions">
        <Button type="submit">Apply filters</Button>
        <Button type="button" unstyled onClick={clear}>
          Clear filters
        </Button>
      </div>
    </form>
  );
});
