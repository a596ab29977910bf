import { describe, expect, it } from 'vitest';
import { encodeWorkspace, parseWorkspace } from '@/storage/workspace';
import { record, tableOf } from './fixtures';

/** A workspace file of one dataset whose observations carry `over` (a source, a city…). */
function workspaceWith(over: { source?: string; city?: string; disaggregation?: string }): string {
  const r = record('a', [1]);
  const table = tableOf([{ value: 4, year: 2020, ...over }]);
  return encodeWorkspace(
    { datasets: [{ record: { ...r, current: { ...r.current, table } }, versions: [] }], mappings: [], settings: {} },
    { appVersion: 'test', exportedAt: new Date(0) },
  );
}

describe('parseWorkspace: texts no longer than a CSV cell may be', () => {
  it.each([
    ['a source of 100,000 characters', { source: 's'.repeat(100_000) }],
    ['a city name of 10,001 characters', { city: 'c'.repeat(10_001) }],
    ['a breakdown key of a million characters', { disaggregation: `[["Sex","${'f'.repeat(1_000_000)}"]]` }],
  ])('%s is refused, naming the dataset (a CSV import refuses such a cell too)', (_, over) => {
    const parsed = parseWorkspace(workspaceWith(over));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ code: 'corrupted_dataset', detail: expect.stringMatching(/characters \(at most/) });
  });

  it('texts up to the limit come in', () => {
    expect(parseWorkspace(workspaceWith({ source: 's'.repeat(10_000), city: 'c'.repeat(10_000) })).ok).toBe(true);
  });
});
