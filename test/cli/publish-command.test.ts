import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '@/cli/run-cli';
import { ingestFile } from '@/ingest/ingest-file';
import { ManifestSchema } from '@/ingest/manifest';
import { loadRegistryFromDirs } from '@/cli/load-registry';

const tmp = mkdtempSync(join(tmpdir(), 'marsad-publish-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const v1 = join(tmp, 'wadi-noor-v1.csv');
writeFileSync(v1, ['city,city_code,indicator,year,value', 'Wadi Noor,XD-WNR,11.6.2,2015,30', 'Wadi Noor,XD-WNR,11.6.2,2020,25'].join('\n'));
const v2 = join(tmp, 'wadi-noor-v2.csv');
writeFileSync(v2, ['city,city_code,indicator,year,value', 'Wadi Noor,XD-WNR,11.6.2,2015,30', 'Wadi Noor,XD-WNR,11.6.2,2020,25', 'Wadi Noor,XD-WNR,11.6.2,2024,19'].join('\n'));

describe('publish <files> --out <data folder>', () => {
  it('writes the canonical CSV, a manifest the app accepts and a README; publishing again archives the first publication whole', async () => {
    const out = join(tmp, 'data');
    const first = await cli('publish', v1, '--out', out, '--name', 'Wadi Noor indicators', '--source', 'Wadi Noor observatory', '--licence', 'CC BY 4.0', '--date', '2026-06-01');
    expect(first.code).toBe(0);
    const m1 = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(m1.datasets).toEqual([{ id: 'wadi-noor-indicators', name: 'Wadi Noor indicators', file: 'wadi-noor-indicators.csv', source: 'Wadi Noor observatory', licence: 'CC BY 4.0', published: '2026-06-01', version: 1 }]);
    // The CSV re-imports as the same observations.
    const { registry } = loadRegistryFromDirs();
    const again = ingestFile({ name: 'x.csv', bytes: readFileSync(join(out, 'wadi-noor-indicators.csv')) }, registry);
    expect(again.table.length).toBe(2);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('copy it, as is, next to the built app');

    const second = await cli('publish', v2, '--out', out, '--name', 'Wadi Noor indicators', '--date', '2026-12-03');
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('the earlier publication (2026-06-01) is kept in');
    const m2 = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    // Version 2, the source and licence carried over, the archive listed.
    expect(m2.datasets[0]).toMatchObject({ version: 2, published: '2026-12-03', source: 'Wadi Noor observatory', licence: 'CC BY 4.0' });
    expect(m2.archives).toEqual(['archive/2026-06-01/manifest.json']);
    expect(readdirSync(join(out, 'archive', '2026-06-01')).sort()).toEqual(['manifest.json', 'wadi-noor-indicators.csv']);
    const archived = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'archive', '2026-06-01', 'manifest.json'), 'utf8')));
    expect(archived.datasets[0]?.version).toBe(1);
    expect(readFileSync(join(out, 'archive', '2026-06-01', 'wadi-noor-indicators.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(readFileSync(join(out, 'wadi-noor-indicators.csv'), 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('publishes nothing when a file has errors, and says how to find them', async () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, ['city,indicator,year,value', 'Wadi Noor,11.6.2,2015,thirty'].join('\n'));
    const out = join(tmp, 'data-bad');
    const r = await cli('publish', bad, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('publish: nothing was published.');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to archive over a manifest it cannot read, and wants --out', async () => {
    const out = join(tmp, 'data-broken');
    rmSync(out, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), '{"datasets": [{"id": "../x"}]}');
    const r = await cli('publish', v1, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a valid manifest');
    expect((await cli('publish', v1)).code).toBe(2);
  });
});
