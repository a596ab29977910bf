import { type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import { DATASET_RECORD_VERSION, type DatasetRecord, type DatasetVersion } from '@/storage/dataset-record';
import type { NewVersion } from '@/storage/marsad-db';

export const ROW: ObservationInput = {
  city: 'عمّان',
  cityCode: 'JO-AMM',
  indicator: '11.6.2',
  year: 2015,
  value: 1,
  period: '',
  unit: 'µg/m³',
  series: '',
  disaggregation: '',
  source: '',
  note: '',
  line: 2,
};

/** A table of one series: values for the years 2015, 2016, … */
export function table(values: number[], row: Partial<ObservationInput> = {}) {
  const b = new ObservationTableBuilder();
  values.forEach((value, i) => b.push({ ...ROW, ...row, year: (row.year ?? 2015) + i, value, line: i + 2 }));
  return b.finish();
}

export function tableOf(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder();
  rows.forEach((r, i) => b.push({ ...ROW, line: i + 2, ...r }));
  return b.finish();
}

export function content(values: number[], importedAt = 1000, fileName = 'a.csv'): NewVersion {
  return {
    importedAt,
    files: [{ name: fileName, bytes: 10, encoding: 'utf-8', bom: false, delimiter: ',', decimal: '.', layout: 'long', header: ['city'], rows: values.length, mapping: {} }],
    issueCounts: { blank_row: 1 },
    rowsRejected: 0,
    table: table(values),
  };
}

export function version(number: number, values: number[], importedAt = 1000): DatasetVersion {
  return { number, ...content(values, importedAt) };
}

export function record(id: string, values = [1, 2, 3], createdAt = 1000): DatasetRecord {
  return {
    version: DATASET_RECORD_VERSION,
    id,
    name: `${id}.csv`,
    createdAt,
    source: 'upload',
    included: true,
    deletedAt: null,
    current: { number: 1, ...content(values, createdAt, `${id}.csv`) },
    history: [],
    latestNumber: 1,
  };
}
