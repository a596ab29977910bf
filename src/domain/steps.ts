/**
 * Long computations written once as generators that `yield` between bounded pieces of work, run either
 * to completion at once (the CLI, tests: `runSteps`) or in slices that give the page back between them
 * (the app: `runStepsSliced`), so that progress for a million rows never freezes the page for more than
 * a slice. A `yield` costs a few nanoseconds; the loops yield every few thousand items.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/** Thrown (as the rejection) when a sliced run is abandoned because its result is no longer wanted. */
export class StepsCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'StepsCancelled';
  }
}

type YieldingScheduler = { yield?: () => Promise<void> };

/** Gives the event loop a turn (input, rendering), then resumes: `scheduler.yield` where the browser has it. */
function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the steps in slices of about `sliceMs` of work, giving the event loop a turn between slices.
 * `cancelled()` is asked between slices; when it says so the run stops and the promise rejects with
 * StepsCancelled.
 */
export async function runStepsSliced<T>(steps: Steps<T>, options: { sliceMs?: number; cancelled?: () => boolean } = {}): Promise<T> {
  // One frame's worth: a slice ends after its last step, so a task is the slice plus that step (the
  // dashboard's steps take up to ~20 ms, 40 with a collection) and whatever the page does next.
  const sliceMs = options.sliceMs ?? 16;
  for (;;) {
    const t0 = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done === true) return r.value;
      if (performance.now() - t0 >= sliceMs) break;
    }
    await nextTurn();
    if (options.cancelled?.() === true) throw new StepsCancelled();
  }
}
