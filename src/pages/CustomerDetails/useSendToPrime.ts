import { addListener, createAsyncThunk, isRejected } from '@reduxjs/toolkit';
import type { ApiError } from '../../api/ApiError';
import type { Move, MTOServiceItem, MTOShipment, ServiceItemCodes } from '../../api/models';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { useAppDispatch, useAppSelector, useAppStore } from '../../app/hooks';
import type { AppDispatch, AppStore, RootState } from '../../app/store';
import {
  getMove,
  selectMoveTaskOrderById,
  updateMoveTaskOrderStatus,
} from '../../entities/moveTaskOrders/moveTaskOrdersSlice';
import {
  listMTOServiceItems,
  selectServiceItemById,
  selectServiceItemIdsOfMove,
} from '../../entities/serviceItems/serviceItemsSlice';
import {
  approveShipments,
  listMTOShipments,
  selectShipmentById,
  selectShipmentIdsOfMove,
} from '../../entities/shipments/shipmentsSlice';
import { selectWriteInFlight } from '../../writes/inFlight';
import { confirmedOwnVersion, selectOwnWritesBetween } from '../../writes/ownWrites';
import { hadNoVerdict } from '../../writes/outcome';
import { settled, type ThunkConfig } from '../../writes/thunks';
import { useRecordAction, type Recovery } from '../../writes/ui/useRecordAction';
import { useResultNote } from '../../writes/ui/ResultNote';
import { attemptOf } from '../../writes/wording';
import { formatDate } from '../../components/format';
import { moveFields } from './displayFields';
import {
  planSendToPrime,
  type NamedShipment,
  type SendChoice,
  serviceItemsIn,
  type SendPlan,
} from './sendToPrimePlan';
import { awayNoticesOf } from '../../app/awayNotices';
import { serverMayHaveChanged } from '../../app/serverChanges';
import { describeDone } from './sendToPrimeDone';
import { jobsOf } from './sendToPrimeJobs';
import { describeStep2, judgeStep2, remainingOf, type Step2Report } from './sendToPrimeStep2';

/** What the page shows of the job while and after it runs. */
export type Phase =
  | { kind: 'idle' }
  /** Step `step` of `of` is running: approving the move, or these shipments. */
  | {
      kind: 'running';
      step: 1 | 2;
      of: 1 | 2;
      approving: 'the move' | NamedShipment[];
      /** Not sent yet: another write of the user's on its records is still out. */
      waiting?: boolean;
    }
  /** Done: what was approved in this job. */
  | {
      kind: 'done';
      approvedMove: boolean;
      shipments: NamedShipment[];
      confirmedLate: boolean;
      /** The move-level service items this job's step 1 added: "counseling (CS)". */
      added: string[];
      /** The move was available to the Prime before the job (an approved move given CS). */
      wasAvailable: boolean;
      /** The move is available to the Prime as the job ends, by its doing or not. */
      available: boolean;
    }
  | { kind: 'step2Failed'; report: Step2Report };

export type Done = Extract<Phase, { kind: 'done' }>;

/**
 * How long a job runs before anything of it is drawn. One that ends sooner
 * (two quick writes) is drawn once, with its result; a slower one shows its
 * running step from then on. Below about a tenth of a second a page feels
 * as if it answered at once, and each drawing in between costs the job
 * time: it runs on the main thread while a write is out.
 */
export const PROGRESS_DELAY_MS = 150;

/** What the page shows of a running job: its step, and whether this job approved the move. */
interface Shown {
  phase: Phase;
  moveApproved?: boolean;
}

/**
 * A job's quiet moment: until `end` or PROGRESS_DELAY_MS, the store's
 * changes are not drawn (the store keeps every change) and what `show` is
 * given is kept back; then the last of it is drawn. A refusal ends it at
 * once, so a recovery is drawn as it comes.
 */
function quietMoment(store: AppStore, dispatch: AppDispatch, draw: (shown: Shown) => void) {
  let quiet = true;
  let held: Shown | null = null;
  const timer = setTimeout(() => end(true), PROGRESS_DELAY_MS);
  const stopOnRefusal = dispatch(addListener({ predicate: isRejected, effect: () => end(true) }));
  // Taken last and released first, so nothing that throws can keep it.
  const release = store.holdNotifications();
  const end = (drawHeld: boolean) => {
    if (!quiet) return;
    quiet = false;
    release();
    clearTimeout(timer);
    stopOnRefusal();
    if (drawHeld && held) draw(held);
  };
  return {
    end,
    /** Drawn now (in one render if `sync`), or when the moment passes. */
    show(shown: Shown, sync = false) {
      if (quiet) held = shown;
      else if (sync) flushSync(() => draw(shown));
      else draw(shown);
    },
  };
}

/**
 * Resolves once no write on any of `recordIDs` is in flight, a moment after
 * the last one's answer, so the page has said what it says of it first (an
 * answered write's note): the job's result, said after it, is the page's
 * newest note.
 */
function writesSettled(
  dispatch: AppDispatch,
  getState: () => RootState,
  recordIDs: string[],
): Promise<void> {
  const settledIn = (state: RootState) => !recordIDs.some((id) => selectWriteInFlight(state, id));
  if (settledIn(getState())) return Promise.resolve();
  return new Promise((resolve) => {
    dispatch(
      addListener({
        predicate: (_action, state) => settledIn(state as RootState),
        effect: (_action, api) => {
          api.unsubscribe();
          setTimeout(resolve, 0);
        },
      }),
    );
  });
}

/**
 * While a job runs, leaving the document (closing the tab, reloading, Back
 * out of the app) asks first, with the browser's own question: the job
 * would stop between its writes. Moving within the app does not stop it.
 */
function askBeforeUnloadWhileRunning(): () => void {
  const ask = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Browsers before the standard asked only when returnValue was set.
    event.returnValue = true;
  };
  window.addEventListener('beforeunload', ask);
  return () => window.removeEventListener('beforeunload', ask);
}

/** What step 2 saves of each shipment, and of the move (approved, made available to the Prime). */
const STEP2_SHIPMENT_FIELDS = ['status', 'approvedDate'];
const STEP2_MOVE_FIELDS = ['status', 'approvedAt', 'approvalsRequestedAt', 'availableToPrimeAt'];

const today = () => new Date().toISOString().slice(0, 10);

const NO_CHOICE: SendChoice = { shipmentIDs: [], counseling: false };

/** How step 2 ended: done, confirmed after a lost answer, not sent (in flight), or what went wrong. */
type Step2Outcome = Step2Report | 'done' | 'confirmed' | 'skipped';

/**
 * The latest move and its shipments, after step 1 failed: what is left of
 * the job (a colleague may have approved the move and some of the chosen
 * shipments) is told from both. With `serviceItems`, its service items too:
 * a step 1 that only adds counseling to a move approved before leaves the
 * move as it was, and only they show whether it took effect. Fails as the
 * move's load fails, or theirs when they are asked for.
 */
const getMoveAndShipments = createAsyncThunk<
  void,
  { locator: string; moveID: string; serviceItems: boolean },
  ThunkConfig
>(
  'sendToPrime/getMoveAndShipments',
  async ({ locator, moveID, serviceItems }, { dispatch, rejectWithValue }) => {
    const [move, , items] = await Promise.all([
      dispatch(getMove(locator)),
      dispatch(listMTOShipments(moveID)),
      serviceItems ? dispatch(listMTOServiceItems(moveID)) : undefined,
    ]);
    for (const answer of items ? [move, items] : [move]) {
      const result = settled(answer);
      if (result.status === 'rejected') return rejectWithValue(result.error);
    }
  },
);

/** Every service item `codes` add is among the move's, as the store holds them. */
function hasCodes(state: RootState, moveID: string, codes: ServiceItemCodes): boolean {
  const present = new Set(
    selectServiceItemIdsOfMove(state, moveID).map(
      (id) => selectServiceItemById(state, id)?.reServiceCode,
    ),
  );
  return (!codes.serviceCodeMS || present.has('MS')) && (!codes.serviceCodeCS || present.has('CS'));
}

/** The last plan worked out for a move, with what it was worked out from. */
interface PlanInputs {
  shipments: MTOShipment[];
  serviceItems: MTOServiceItem[];
  choice: SendChoice;
  step1Done: boolean;
  plan: SendPlan;
}

// Every dispatch runs the form's plan selector, while the records it reads
// rarely change: the plan is worked out again only when one of them does.
const lastPlans = new WeakMap<Move, PlanInputs>();

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** The records a plan is worked out from, read from the store. */
function planFrom(
  state: RootState,
  moveID: string,
  choice: SendChoice,
  step1Done: boolean,
): SendPlan | null {
  const move = selectMoveTaskOrderById(state, moveID);
  if (!move) return null;
  const shipments = selectShipmentIdsOfMove(state, moveID)
    .map((id) => selectShipmentById(state, id))
    .filter((shipment) => shipment !== undefined);
  const serviceItems = selectServiceItemIdsOfMove(state, moveID)
    .map((id) => selectServiceItemById(state, id))
    .filter((item) => item !== undefined);
  const last = lastPlans.get(move);
  if (
    last &&
    last.choice === choice &&
    last.step1Done === step1Done &&
    sameItems(last.shipments, shipments) &&
    sameItems(last.serviceItems, serviceItems)
  ) {
    return last.plan;
  }
  const plan = planSendToPrime({ move, shipments, serviceItems, choice, step1Done });
  lastPlans.set(move, { shipments, serviceItems, choice, step1Done, plan });
  return plan;
}

/**
 * Send to Prime as the real TOO does it: step 1 approves the move (and adds
 * MS, CS) on the move's eTag; step 2 approves the chosen shipments, each on
 * its own eTag. Step 1's failures are judged as any action's (useRecordAction:
 * a lost answer settled from the latest version, the user's own newer
 * version sent on again, a colleague's shown). Step 2's are judged shipment
 * by shipment (step2.ts). A job remembers that its step 1 is done, so a
 * retry sends only step 2, with the shipments' latest eTags, and never step
 * 1 again on the move's old eTag.
 */
export function useSendToPrime(moveID: string) {
  const store = useAppStore();
  const dispatch = useAppDispatch();
  // The move's job, kept for the tab: it outlives this page (sendToPrimeJobs.ts).
  const jobs = jobsOf(store);
  const subscribe = useCallback(
    (listener: () => void) => jobs.subscribe(moveID, listener),
    [jobs, moveID],
  );
  const { phase, moveApprovedInJob, checking, step1Recovery, choice } = useSyncExternalStore(
    subscribe,
    () => jobs.get(moveID),
  );
  const setChoice = useCallback(
    (next: SendChoice | ((current: SendChoice) => SendChoice)) =>
      jobs.update(moveID, {
        choice: typeof next === 'function' ? next(jobs.get(moveID).choice) : next,
      }),
    [jobs, moveID],
  );
  const setPhase = useCallback(
    (next: Phase) => jobs.update(moveID, { phase: next }),
    [jobs, moveID],
  );
  // The job's result is the page's newest note (an older one, "Move task
  // order saved.", goes), said in the render that ends the job.
  const result = useResultNote<Done>();
  const { say } = result;
  // This page is shown: it says the job's result, and what any notice said of the move.
  useEffect(() => {
    awayNoticesOf(store).dismissFor(moveID);
    const memory = jobs.memory(moveID);
    if (memory.unsaid && jobs.get(moveID).phase === memory.unsaid) say(memory.unsaid);
    memory.unsaid = null;
    const hidden = jobs.shownWith(moveID, say);
    return () => {
      hidden();
      // The choice is kept for a job that may still need it (running, or
      // left to finish); otherwise the page opened again starts afresh.
      const job = jobs.get(moveID);
      if (!memory.running && job.phase.kind !== 'step2Failed' && !job.step1Recovery) {
        jobs.update(moveID, { choice: NO_CHOICE });
      }
    };
  }, [jobs, moveID, say, store]);

  // A refused step 2 with nothing left (colleagues did it) ends the job: the form offers all again.
  const jobLeft =
    moveApprovedInJob && !(phase.kind === 'step2Failed' && phase.report.remaining.length === 0);
  const plan = useAppSelector((state) => planFrom(state, moveID, choice, jobLeft), {
    equalityFn: samePlan,
  });
  const select = useCallback(
    (state: RootState) => selectMoveTaskOrderById(state, moveID),
    [moveID],
  );
  const locator = useAppSelector((state) => selectMoveTaskOrderById(state, moveID)?.locator);
  /** A job ended while its page was not shown: said on whatever page the user is on. */
  const sayAway = useCallback(
    (type: 'success' | 'warning', text: string, link: string) => {
      const at = selectMoveTaskOrderById(store.getState(), moveID)?.locator ?? locator ?? '';
      awayNoticesOf(store).add({
        recordID: moveID,
        type,
        text: `Send to Prime, move ${at}: ${text}`,
        path: `/moves/${at}/details`,
        link,
      });
      // What the user is looking at instead (the queue) may show the move as it was.
      serverMayHaveChanged();
    },
    [locator, moveID, store],
  );
  // Step 1 only adds service items to a move approved before: they tell whether it took effect.
  const codesOnly = useRef(false);
  const refetchMove = useCallback(
    () => getMoveAndShipments({ locator: locator ?? '', moveID, serviceItems: codesOnly.current }),
    [locator, moveID],
  );
  // A colleague's approval makes step 1 moot only when nothing is left for step 2 either.
  const moot = useCallback(
    (latest: { approvedAt?: string | null }) => {
      if (!latest.approvedAt) return null;
      const left = planFrom(store.getState(), moveID, choice, false);
      return left?.blocked
        ? `It was already approved on ${formatDate(latest.approvedAt)}, so there is nothing more to do here.`
        : null;
    },
    [choice, moveID, store],
  );
  const keepStep1Recovery = useCallback(
    (recovery: Recovery | null) => jobs.update(moveID, { step1Recovery: recovery }),
    [jobs, moveID],
  );
  const step1 = useRecordAction({
    recordID: moveID,
    select,
    refetch: refetchMove,
    fields: moveFields,
    moot,
    recoveryState: [step1Recovery, keepStep1Recovery],
  });
  const shipmentsInFlight = useAppSelector((state) =>
    (plan?.offered ?? []).some(({ shipment }) => selectWriteInFlight(state, shipment.id)),
  );

  /** Loads the move and its shipments; true if the shipments came. */
  const loadLatest = useCallback(async () => {
    const move = selectMoveTaskOrderById(store.getState(), moveID);
    const [shipments] = await Promise.all([
      dispatch(listMTOShipments(moveID)),
      move ? dispatch(getMove(move.locator)) : undefined,
    ]);
    return settled(shipments).status === 'fulfilled';
  }, [dispatch, moveID, store]);

  /** Step 2's failure `error`, for the shipments `sent`, judged on their stored versions. */
  const judgeLatest = useCallback(
    (error: ApiError, sent: NamedShipment[], loaded: boolean, notSaved = false) => {
      const state = store.getState();
      return judgeStep2({
        notSaved,
        error,
        sent,
        latest: Object.fromEntries(
          sent.map(({ shipment }) => [shipment.id, selectShipmentById(state, shipment.id)]),
        ),
        loaded,
        move: selectMoveTaskOrderById(state, moveID),
        ownWritesBetween: (base, latest) => selectOwnWritesBetween(state, base, latest),
        today: today(),
      });
    },
    [moveID, store],
  );

  /** The job is done: said in one render, and nothing of it stays chosen, so nothing is sent twice. */
  const sayDone = useCallback(
    (done: Done) => {
      // One render, before the fetches the answer set off are built.
      flushSync(() => {
        jobs.memory(moveID).step1Done = false;
        jobs.update(moveID, {
          phase: done,
          moveApprovedInJob: false,
          choice: NO_CHOICE,
          checking: false,
          step1Recovery: null,
        });
        // Said by the page that shows the move now, which may not be the one that started it.
        const sayOnPage = jobs.noteOf(moveID);
        if (sayOnPage) sayOnPage(done);
      });
      if (!jobs.noteOf(moveID)) {
        // Said by the move's page when it is opened again, and meanwhile wherever the user is.
        jobs.memory(moveID).unsaid = done;
        const { heading, body } = describeDone(done);
        sayAway('success', `${heading}. ${body}`, 'Open the move');
      }
    },
    [jobs, moveID, sayAway],
  );

  /** Step 2 was refused or its outcome is not known: said on the page, or wherever the user is. */
  const step2Failed = useCallback(
    (report: Step2Report) => {
      // Nothing left to send: what comes next is a job of its own.
      if (report.remaining.length === 0) jobs.memory(moveID).step1Done = false;
      jobs.update(moveID, { phase: { kind: 'step2Failed', report }, checking: false });
      if (!jobs.noteOf(moveID)) {
        const { moveApprovedInJob: approved } = jobs.get(moveID);
        const { heading } = describeStep2(report, approved);
        const ended =
          !report.loaded && hadNoVerdict(report.error)
            ? 'it may not have finished'
            : 'it did not finish';
        sayAway(
          'warning',
          `${approved ? `the move was approved, but ${ended}` : ended}. ${heading}.`,
          'Open the move to see why and finish it',
        );
      }
    },
    [jobs, moveID, sayAway],
  );

  /**
   * Step 2 took effect though its answer was lost: the versions it made of
   * the shipments and of the move (sent on `moveSent`) are the user's own,
   * where nothing else changed in them, as an answer would have made them.
   */
  const confirmOwn = useCallback(
    (sent: NamedShipment[], moveSent: Move | undefined) => {
      const state = store.getState();
      const by = approveShipments.typePrefix;
      const confirmed = [
        ...sent.map(({ shipment }) => {
          const latest = selectShipmentById(state, shipment.id);
          return latest && confirmedOwnVersion(shipment, latest, STEP2_SHIPMENT_FIELDS, by);
        }),
        (() => {
          const latest = selectMoveTaskOrderById(state, moveID);
          return moveSent && latest && confirmedOwnVersion(moveSent, latest, STEP2_MOVE_FIELDS, by);
        })(),
      ];
      for (const action of confirmed) if (action) dispatch(action);
    },
    [dispatch, moveID, store],
  );

  /**
   * Step 2 on the shipments' stored versions; once more, unasked, if only the
   * user's own writes came between. `answered` runs inside the dispatch that
   * stores a successful answer, so the page can say so in the same render
   * that shows the approved shipments.
   */
  const sendStep2 = useCallback(
    async (first: NamedShipment[], answered: () => void): Promise<Step2Outcome> => {
      let sent = first;
      for (let attempt = 0; ; attempt += 1) {
        const moveSent = selectMoveTaskOrderById(store.getState(), moveID);
        const sending = dispatch(
          approveShipments(
            moveID,
            sent.map(({ shipment }) => shipment),
          ),
        );
        // Its answer never comes within this dispatch: the listener is there before it.
        const stopWaiting = dispatch(
          addListener({
            predicate: (action) =>
              approveShipments.fulfilled.match(action) &&
              action.meta.requestId === sending.requestId,
            effect: (_action, api) => {
              api.unsubscribe();
              answered();
            },
          }),
        );
        const result = settled(await sending);
        stopWaiting();
        if (result.status === 'fulfilled') return 'done';
        if (result.status === 'skipped') return 'skipped';
        const report = judgeLatest(result.error, sent, await loadLatest());
        if (report.saved) {
          confirmOwn(sent, moveSent);
          return 'confirmed';
        }
        const onlyOwn =
          result.error.kind === 'conflict' &&
          report.shipments.some(({ state }) => state === 'changed') &&
          report.shipments.every(
            ({ state, by }) => state === 'unchanged' || (state === 'changed' && by === 'you'),
          );
        if (attempt === 0 && onlyOwn) {
          sent = report.remaining;
          continue;
        }
        return report;
      }
    },
    [confirmOwn, dispatch, judgeLatest, loadLatest, moveID, store],
  );

  /** Runs what is left of the job for `wanted` (the form's choice unless given). */
  const send = useCallback(
    async (wanted: SendChoice = choice) => {
      const memory = jobs.memory(moveID);
      if (memory.running) return;
      memory.running = true;
      const letGo = askBeforeUnloadWhileRunning();
      let moment: ReturnType<typeof quietMoment> | undefined;
      try {
        // After a step 2 whose outcome could not be told, load and judge it
        // again before sending anything: it may have taken effect.
        if (phase.kind === 'step2Failed' && !phase.report.loaded) {
          // Cleared with what is drawn next (the alert again, the result, the
          // running step), so the form never looks ready in between.
          jobs.update(moveID, { checking: true });
          const loaded = await loadLatest();
          if (!loaded) {
            // Told anew, so the user knows the check ran.
            const checkedAgainAt = new Date().toISOString();
            step2Failed({ ...phase.report, checkedAgainAt });
            return;
          }
          const sent = phase.report.shipments.map(({ named }) => named);
          const report = judgeLatest(phase.report.error, sent, true);
          if (report.saved) {
            sayDone({
              kind: 'done',
              approvedMove: moveApprovedInJob,
              shipments: sent,
              confirmedLate: true,
              added: [],
              wasAvailable: false,
              available: true,
            });
            return;
          }
          // Changed since it was sent (a colleague's edit, approval or
          // rejection): shown first, as after any failure, and never
          // approved on a version the user has not seen.
          if (report.shipments.some(({ state }) => state !== 'unchanged')) {
            step2Failed(report);
            return;
          }
        } else if (phase.kind === 'step2Failed') {
          // What the one click sends may have changed since the alert showed
          // it (the page was left and opened again, which loads the latest
          // versions): what changed is shown first, unless only the user's
          // own writes changed it.
          const state = store.getState();
          const moved = phase.report.remaining.filter(
            ({ shipment }) => selectShipmentById(state, shipment.id)?.eTag !== shipment.eTag,
          );
          if (moved.length > 0) {
            const again = judgeLatest(
              phase.report.error,
              moved,
              true,
              // The alert told it was not saved: an approval since is not the user's.
              true,
            );
            if (again.shipments.some(({ by }) => by !== 'you')) {
              // The rest of the alert stands: what it said of the others.
              const judged = new Map(again.shipments.map((one) => [one.named.shipment.id, one]));
              const shipments = phase.report.shipments.map(
                (one) => judged.get(one.named.shipment.id) ?? one,
              );
              step2Failed({
                ...phase.report,
                shipments,
                remaining: remainingOf(shipments),
                move: again.move,
              });
              return;
            }
          }
        }
        const before = planFrom(store.getState(), moveID, wanted, memory.step1Done);
        if (!before || before.blocked) return;
        // Step 1's recovery is of the job before: it goes (step 1, if left, clears it too).
        if (jobs.get(moveID).step1Recovery) keepStep1Recovery(null);
        const beforeMove = selectMoveTaskOrderById(store.getState(), moveID);
        moment = quietMoment(store, dispatch, (shown) => {
          jobs.update(moveID, {
            phase: shown.phase,
            checking: false,
            // A job whose step 1 is not done yet approved no move so far:
            // what a job before it said of the move is not this one's.
            moveApprovedInJob:
              shown.moveApproved ?? (memory.step1Done && jobs.get(moveID).moveApprovedInJob),
          });
        });
        const { show } = moment;
        const steps = before.step1 && before.step2.length > 0 ? 2 : 1;
        let approvedMove = false;
        // Step 1 done after a lost answer: its recovery says so already.
        let step1ConfirmedLate = false;
        let finished = false;
        /** The job is done: said at once, and nothing of it stays chosen, so nothing is sent twice. */
        const finish = (shipments: NamedShipment[], confirmedLate: boolean) => {
          if (finished) return;
          finished = true;
          // The store's changes and the result in one render.
          moment?.end(false);
          // Nothing more to say: step 1's recovery says it, or nothing was sent.
          if (shipments.length === 0 && (step1ConfirmedLate || !before.step1)) {
            if (step1ConfirmedLate && !jobs.noteOf(moveID)) {
              sayAway(
                'success',
                'the server did not confirm it, but the latest version of the move shows it done.',
                'Open the move',
              );
            }
            memory.step1Done = false;
            jobs.update(moveID, {
              phase: { kind: 'idle' },
              moveApprovedInJob: false,
              choice: NO_CHOICE,
            });
            return;
          }
          sayDone({
            kind: 'done',
            approvedMove: approvedMove || jobLeft,
            shipments,
            confirmedLate,
            // The job ends here only once its step 1, if it had one, took effect.
            added: serviceItemsIn(before.step1),
            wasAvailable: Boolean(beforeMove?.availableToPrimeAt),
            available: Boolean(
              selectMoveTaskOrderById(store.getState(), moveID)?.availableToPrimeAt,
            ),
          });
        };
        // Step 2, when it was sent the moment step 1's answer was stored.
        let early: { shipments: NamedShipment[]; outcome: Promise<Step2Outcome> } | null = null;
        if (before.step1) {
          const codes = before.step1;
          show({ phase: { kind: 'running', step: 1, of: steps, approving: 'the move' } });
          // Step 2 goes out as soon as step 1's answer is in the store, before
          // the page redraws for it: a listener runs inside that dispatch.
          const stopWaiting =
            before.step2.length > 0
              ? dispatch(
                  addListener({
                    predicate: (action) =>
                      updateMoveTaskOrderStatus.fulfilled.match(action) &&
                      action.meta.arg.moveTaskOrderID === moveID,
                    effect: (_action, api) => {
                      api.unsubscribe();
                      const next = planFrom(store.getState(), moveID, wanted, true)?.step2 ?? [];
                      if (next.length === 0) return;
                      // Step 1 is answered: told here, as step 2's answer may come before step1.run returns.
                      approvedMove = before.approvesMove;
                      memory.step1Done = true;
                      early = {
                        shipments: next,
                        outcome: sendStep2(next, () => finish(next, false)),
                      };
                      // Step 2 is on its way: one render for step 1's answer and the new step.
                      show(
                        {
                          phase: { kind: 'running', step: 2, of: 2, approving: next },
                          moveApproved: before.approvesMove,
                        },
                        true,
                      );
                    },
                  }),
                )
              : () => {};
          codesOnly.current = !before.approvesMove;
          const done = await step1.run({
            write: (move) => updateMoveTaskOrderStatus(move.id, move.eTag, codes),
            // Approving saves the move; adding counseling to an approved one does not.
            done: before.approvesMove
              ? (move) => Boolean(move.approvedAt)
              : () => hasCodes(store.getState(), moveID, codes),
            // What approving saves of the move: a lost answer confirmed makes the user's own version.
            fields: ['status', 'approvedAt'],
            keepsVersion: !before.approvesMove,
            attempt: before.approvesMove ? undefined : attemptOf('Add counseling', 'move'),
          });
          stopWaiting();
          if (!done) {
            setPhase({ kind: 'idle' });
            // Step 1's recovery says why, on the move's page.
            if (!jobs.noteOf(moveID)) {
              sayAway(
                'warning',
                before.step2.length > 0
                  ? 'it did not go through, and nothing of the shipments was sent.'
                  : 'it did not go through.',
                'Open the move to see why',
              );
            }
            return;
          }
          step1ConfirmedLate = done === 'confirmed';
          approvedMove = before.approvesMove;
          // Drawn with step 2's start (already, when it went out early); a
          // job that ends here says it in its result.
          memory.step1Done = true;
        }
        // Worked out again on what step 1 left: the chosen shipments still requested.
        const left = () =>
          planFrom(store.getState(), moveID, wanted, memory.step1Done)?.step2 ?? [];
        const started = early as {
          shipments: NamedShipment[];
          outcome: Promise<Step2Outcome>;
        } | null;
        let shipments = started?.shipments ?? left();
        let outcome = await started?.outcome;
        while (shipments.length > 0 && (outcome === undefined || outcome === 'skipped')) {
          if (outcome === 'skipped') {
            show({
              phase: {
                kind: 'running',
                step: steps,
                of: steps,
                approving: shipments,
                waiting: true,
              },
              moveApproved: approvedMove || undefined,
            });
            // A write of the user's own on one of its records (approving a
            // chosen shipment from its card) is still out: step 2 waits for
            // it, and goes on with what it leaves.
            await writesSettled(dispatch, store.getState, [
              moveID,
              ...shipments.map(({ shipment }) => shipment.id),
            ]);
            // Its answer may have been lost: what it did is read from the
            // latest versions. If they cannot be loaded, step 2 goes on the
            // stored ones, which the server checks.
            await loadLatest();
            shipments = left();
            if (shipments.length === 0) break;
          }
          const sending = shipments;
          show({
            phase: { kind: 'running', step: steps, of: steps, approving: sending },
            moveApproved: approvedMove || undefined,
          });
          outcome = await sendStep2(sending, () => finish(sending, false));
        }
        if (typeof outcome === 'object') {
          step2Failed(outcome);
          return;
        }
        // Already done if step 2's answer was stored.
        finish(shipments, outcome === 'confirmed');
      } finally {
        // However the job ended; drawn with what it last set.
        moment?.end(false);
        memory.running = false;
        letGo();
        // A job that stopped on something thrown shows no running step for
        // ever after; a check that sent nothing is over.
        if (jobs.get(moveID).phase.kind === 'running') setPhase({ kind: 'idle' });
        if (jobs.get(moveID).checking) jobs.update(moveID, { checking: false });
      }
    },
    [
      choice,
      dispatch,
      jobs,
      jobLeft,
      judgeLatest,
      keepStep1Recovery,
      loadLatest,
      moveApprovedInJob,
      moveID,
      phase,
      sayAway,
      sayDone,
      sendStep2,
      setPhase,
      step1,
      step2Failed,
      store,
    ],
  );
  /** The one click after a failed step 2: the shipments still left, on their latest versions. */
  const finish = useCallback(() => {
    if (phase.kind !== 'step2Failed') return send();
    const wanted = {
      ...choice,
      shipmentIDs: phase.report.remaining.map(({ shipment }) => shipment.id),
    };
    setChoice(wanted);
    return send(wanted);
  }, [choice, phase, send, setChoice]);

  const toggleShipment = useCallback(
    (shipmentID: string, chosen: boolean) => {
      setChoice((current) => ({
        ...current,
        shipmentIDs: chosen
          ? [...current.shipmentIDs.filter((id) => id !== shipmentID), shipmentID]
          : current.shipmentIDs.filter((id) => id !== shipmentID),
      }));
    },
    [setChoice],
  );
  const setCounseling = useCallback(
    (counseling: boolean) => {
      setChoice((current) => ({ ...current, counseling }));
    },
    [setChoice],
  );

  return {
    plan,
    choice,
    phase,
    /** Step 1 ran in this job and step 2 is left: the page says the move was approved. */
    moveApprovedInJob,
    step1Recovery: step1.recovery,
    /** The job's result while it is the page's newest note. */
    result: phase.kind === 'done' ? result.note : null,
    pending: phase.kind === 'running' || checking || step1.pending || shipmentsInFlight,
    send,
    finish,
    toggleShipment,
    setCounseling,
  };
}

/** Plans are new objects on every read: compared by what the form shows of them. */
function samePlan(a: SendPlan | null, b: SendPlan | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return (
    a.summary === b.summary &&
    a.blocked === b.blocked &&
    a.approvesMove === b.approvesMove &&
    a.offersMoveManagement === b.offersMoveManagement &&
    a.offersCounseling === b.offersCounseling &&
    JSON.stringify(a.step1) === JSON.stringify(b.step1) &&
    a.offered.length === b.offered.length &&
    a.offered.every(
      (o, i) => o.shipment === b.offered[i].shipment && o.number === b.offered[i].number,
    ) &&
    a.step2.length === b.step2.length &&
    a.step2.every((o, i) => o.shipment === b.step2[i].shipment)
  );
}
