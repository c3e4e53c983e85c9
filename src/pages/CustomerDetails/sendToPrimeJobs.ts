import { perStore } from '../../app/perStore';
import type { Recovery } from '../../writes/ui/useRecordAction';
import type { SendChoice } from './sendToPrimePlan';
import type { Done, Phase } from './useSendToPrime';

/** What the page shows of a move's Send to Prime job. */
export interface Job {
  phase: Phase;
  /** Step 1 ran in this job and step 2 is left: the page says the move was approved. */
  moveApprovedInJob: boolean;
  /** Loading the latest versions before a step 2 whose outcome was not known is sent again. */
  checking: boolean;
  /** What became of a step 1 that failed: a colleague's change, what the orders lack. */
  step1Recovery: Recovery | null;
  /** The shipments and service items chosen: kept while a job may need them. */
  choice: SendChoice;
}

/** What a job remembers and the page does not show: changing it draws nothing. */
export interface JobMemory {
  /** Step 1 took effect: a retry sends only step 2. */
  step1Done: boolean;
  /** A job is running: a press meanwhile does nothing. */
  running: boolean;
  /** The result of a job that ended while no page showed its move: said when one does. */
  unsaid: Done | null;
}

const IDLE: Job = {
  phase: { kind: 'idle' },
  moveApprovedInJob: false,
  checking: false,
  step1Recovery: null,
  choice: { shipmentIDs: [], counseling: false },
};

/**
 * The jobs of one tab, by move. A job belongs to its move, not to the page
 * that started it: it goes on when the user leaves the page (its second step
 * is never dropped), and the move's page, opened again, shows it as it
 * stands: running, refused with its one-click finish, or its step 1's
 * recovery.
 */
export class Jobs {
  private readonly jobs = new Map<string, Job>();
  private readonly memories = new Map<string, JobMemory>();
  private readonly listeners = new Map<string, Set<() => void>>();
  // The result note of the page that shows the move, while one does.
  private readonly notes = new Map<string, (done: Done) => void>();

  get(moveID: string): Job {
    return this.jobs.get(moveID) ?? IDLE;
  }

  /** Changes what the page shows; drawn only if something in it changed. */
  update(moveID: string, patch: Partial<Job>) {
    const job = this.get(moveID);
    const keys = Object.keys(patch) as (keyof Job)[];
    if (keys.every((key) => Object.is(job[key], patch[key]))) return;
    this.jobs.set(moveID, { ...job, ...patch });
    for (const listener of this.listeners.get(moveID) ?? []) listener();
  }

  /** The job's memory, changed in place. */
  memory(moveID: string): JobMemory {
    let memory = this.memories.get(moveID);
    if (!memory) {
      memory = { step1Done: false, running: false, unsaid: null };
      this.memories.set(moveID, memory);
    }
    return memory;
  }

  subscribe(moveID: string, listener: () => void) {
    const listeners = this.listeners.get(moveID) ?? new Set();
    this.listeners.set(moveID, listeners);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  /** The move's page is shown, and says a job's result with `say`, until the returned call. */
  shownWith(moveID: string, say: (done: Done) => void) {
    this.notes.set(moveID, say);
    return () => {
      if (this.notes.get(moveID) === say) this.notes.delete(moveID);
    };
  }

  /** How the page showing the move says a result, if one is shown. */
  noteOf(moveID: string): ((done: Done) => void) | undefined {
    return this.notes.get(moveID);
  }
}

/** The jobs of the tab whose store this is. */
export const jobsOf = perStore(() => new Jobs());
