import { perStore } from './perStore';

/**
 * What came of a job that ended while the user was on another page (a Send
 * to Prime left running when they went back to the queue): said on every
 * page, with a way to the record, until it is dismissed or the record's page
 * is opened, which shows it all. One per record: the newest.
 */
export interface AwayNotice {
  id: number;
  /** The record the job was on. */
  recordID: string;
  /** Done as asked, or not finished. */
  type: 'success' | 'warning';
  text: string;
  /** The record's page, and the link's words. */
  path: string;
  link: string;
}

export class AwayNotices {
  private list: readonly AwayNotice[] = [];
  private next = 1;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly current = () => this.list;

  add(notice: Omit<AwayNotice, 'id'>) {
    this.set([
      ...this.list.filter(({ recordID }) => recordID !== notice.recordID),
      { ...notice, id: this.next++ },
    ]);
  }

  dismiss(id: number) {
    if (this.list.some((notice) => notice.id === id)) {
      this.set(this.list.filter((notice) => notice.id !== id));
    }
  }

  /** The record's page is shown: it says what its notice said. */
  dismissFor(recordID: string) {
    if (this.list.some((notice) => notice.recordID === recordID)) {
      this.set(this.list.filter((notice) => notice.recordID !== recordID));
    }
  }

  private set(list: readonly AwayNotice[]) {
    this.list = list;
    for (const listener of this.listeners) listener();
  }
}

/** The notices of the tab whose store this is. */
export const awayNoticesOf = perStore(() => new AwayNotices());
