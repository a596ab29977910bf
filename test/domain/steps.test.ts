import { describe, expect, it } from 'vitest';
import { runSteps, runStepsSliced, type Steps, StepsCancelled } from '@/domain/steps';

/** Steps that count to n, yielding after each, and record when each ran (for interleaving checks). */
function* counting(n: number, log: string[], spinMs = 0): Steps<number> {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    while (performance.now() - t0 < spinMs) {
      // busy: one piece of work
    }
    total += i;
    log.push(`step ${i}`);
    yield;
  }
  return total;
}

describe('runSteps', () => {
  it('runs every step and returns the result', () => {
    const log: string[] = [];
    expect(runSteps(counting(5, log))).toBe(10);
    expect(log).toHaveLength(5);
  });
});

describe('runStepsSliced', () => {
  it('gives the event loop a turn between slices, and returns what runSteps returns', async () => {
    const log: string[] = [];
    // A timer due at once runs between slices, not after the whole run.
    setTimeout(() => log.push('timer'), 0);
    const result = await runStepsSliced(counting(6, log, 4), { sliceMs: 5 });
    expect(result).toBe(15);
    const at = log.indexOf('timer');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(log.length - 1);
  });
  it('runs small work in one slice (no turn given)', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('timer'), 0);
    await runStepsSliced(counting(3, log), { sliceMs: 1000 });
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
  });
  it('stops between slices when cancelled, with StepsCancelled', async () => {
    const log: string[] = [];
    let cancel = false;
    setTimeout(() => (cancel = true), 0);
    await expect(runStepsSliced(counting(1000, log, 2), { sliceMs: 3, cancelled: () => cancel })).rejects.toBeInstanceOf(StepsCancelled);
    expect(log.length).toBeLessThan(1000);
  });
  it('passes on an error thrown by a step', async () => {
    function* failing(): Steps<number> {
      yield;
      throw new Error('broken row');
    }
    await expect(runStepsSliced(failing())).rejects.toThrow('broken row');
  });
});
