import { describe, expect, it } from 'vitest';
import { generateBenchCsv } from '@/cli/bench-data';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ingestFile } from '@/ingest/ingest-file';
import { buildDashboard } from '@/model/dashboard-model';
import { NO_HEADLINES } from '@/ui/headline-context';
import { dashboardSoon } from '@/ui/use-dashboard';

const { registry } = loadRegistryFromDirs();
const read = (rows: number) => ingestFile({ name: 'bench.csv', bytes: generateBenchCsv(registry, rows) }, registry).table;

describe('dashboardSoon', () => {
  it('builds small data at once, and gives the same model again for the same tables', () => {
    const t = read(2_000);
    const first = dashboardSoon([t], registry, 'opensdg', NO_HEADLINES);
    expect(first.now).toBeDefined();
    expect(dashboardSoon([t], registry, 'opensdg', NO_HEADLINES).now).toBe(first.now);
    // Another method is another model.
    expect(dashboardSoon([t], registry, 'unsd', NO_HEADLINES).now).not.toBe(first.now);
  });

  it('builds big data later, in slices, to the model built at once; then has it now', async () => {
    const t = read(120_000);
    const soon = dashboardSoon([t], registry, 'opensdg', NO_HEADLINES);
    expect(soon.now).toBeUndefined();
    if (soon.now !== undefined) return;
    // Asked again while it is being built: the same build, not a second one.
    const again = dashboardSoon([t], registry, 'opensdg', NO_HEADLINES);
    expect(again.now === undefined && again.later).toBe(soon.later);
    const built = await soon.later;
    expect(built.report.indicators).toEqual(buildDashboard([t], registry, 'opensdg').report.indicators);
    expect(dashboardSoon([t], registry, 'opensdg', NO_HEADLINES).now).toBe(built);
  });
});
