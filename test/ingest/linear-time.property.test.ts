import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { issueText } from '@/i18n/issue-text';
import { ingestFile } from '@/ingest/ingest-file';
import type { IngestResult } from '@/ingest/types';
import { utf8 } from './fixture-bytes';

/**
 * The audit's classes of hostile input as properties: whatever the shape (a huge cell in any column, a huge
 * header cell, many columns, many distinct period labels, long names, no line break, an open quote) and
 * whatever the filler, 8× the input takes about 8× the time (the bound is generous: under 30×, where
 * quadratic work gives 64×), and the report stays small. Times are the fastest of a few runs, compared as a
 * ratio, never against a wall-clock cap.
 */

const { registry } = loadRegistryFromDirs();

type Shape = 'cell' | 'header_cell' | 'columns' | 'distinct_columns' | 'period_labels' | 'long_names' | 'no_line_break' | 'open_quote' | 'one_column';
const ROLES = ['city', 'indicator', 'year', 'value', 'source'] as const;

/** The file of `shape` at `scale` (about scale × 10 KB), its text filled with `fill`. */
function hostileCsv(shape: Shape, scale: number, fill: string, role: number): string {
  const chars = scale * 10_000;
  const huge = fill.repeat(Math.ceil(chars / fill.length)).slice(0, chars);
  const header = 'city,indicator,year,value,source';
  switch (shape) {
    case 'cell': {
      const cells = ['Amman', '11.6.2', '2020', '4', 'Survey'];
      cells[role % cells.length] = huge;
      return `${header}\n${cells.join(',')}\nAmman,11.6.2,2021,5,Survey\n`;
    }
    case 'header_cell':
      return `${header},${huge}\nAmman,11.6.2,2020,4,Survey,x\n`;
    case 'columns':
      return `${Array.from({ length: scale * 2000 }, () => 'a').join(',')}\nx\n`;
    case 'distinct_columns':
      return `city,indicator,${Array.from({ length: scale * 1000 }, (_, i) => `${fill}${i}`).join(',')}\nAmman,11.6.2,${Array.from({ length: scale * 1000 }, (_, i) => i % 10).join(',')}\n`;
    case 'period_labels': {
      const rows = [header];
      const letter = (i: number, k: number) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26));
      for (let i = 0; i < scale * 1000; i++) rows.push(`Amman,11.6.2,2020 (r${letter(i, 0)}${letter(i, 1)}${letter(i, 2)}${letter(i, 3)}),${i % 50},S`);
      return `${rows.join('\n')}\n`;
    }
    case 'long_names': {
      const rows = [header];
      for (let i = 0; i < scale * 20; i++) rows.push(`${fill.repeat(200)}${i},11.6.2,2020,4,${fill.repeat(200)}`);
      return `${rows.join('\n')}\n`;
    }
    case 'no_line_break':
      return huge;
    case 'open_quote':
      return `${header}\nAmman,"11.6.2,2020,4,${huge}\nAmman,11.6.2,2021,5,S\n`;
    case 'one_column':
      // Many lines and no delimiter after the header: each line must not search the rest of the text for one.
      return `${header}\n${`${fill}\n`.repeat(scale * 2000)}`;
  }
}

function fastestMs(runs: number, f: () => void): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const reportChars = (r: IngestResult) => JSON.stringify(r.issues.map((i) => ({ ...i, text: issueText(i, 'en') }))).length;

const SHAPES: readonly Shape[] = ['cell', 'header_cell', 'columns', 'distinct_columns', 'period_labels', 'long_names', 'no_line_break', 'open_quote', 'one_column'];

describe('ingestFile on hostile input (property)', () => {
  it.each(SHAPES)('%s: time linear in the input and a report under 200 KB, whatever the filler and the column', (shape) => {
    fc.assert(
      fc.property(fc.constantFrom('x', 'ع', 'a b ', '٣', ';', '\t', '"', 'FY', '2020 ', '\u202e', '\u0000'), fc.integer({ min: 0, max: ROLES.length - 1 }), (fill, role) => {
        const small = utf8('h.csv', hostileCsv(shape, 4, fill, role));
        const large = utf8('h.csv', hostileCsv(shape, 32, fill, role));
        const r = ingestFile(large, registry); // warms up, and must not throw
        expect(reportChars(r)).toBeLessThan(200_000);
        const ratio = (fastestMs(2, () => ingestFile(large, registry)) + 1) / (fastestMs(3, () => ingestFile(small, registry)) + 1);
        expect(ratio, `${shape} filled with ${JSON.stringify(fill)}`).toBeLessThan(30);
      }),
      { numRuns: shape === 'columns' ? 1 : 4, seed: 16 },
    );
  });
});
