import type { DatasetMetadata } from '@/domain/dataset-indicator';
import type { Issue, IssueCode, Severity } from '@/domain/issue';
import { useI18n } from '@/i18n/i18n-context';
import type { MetadataFileOutcome, RepositoryFileKind } from '@/ingest/repository-metadata';
import type { IngestResult } from '@/ingest/types';

/** The non-data files of a folder and what became of them (data files are the reading's results). */
export type FolderFiles = {
  metadata: readonly MetadataFileOutcome[];
  boundaries: readonly string[];
  skipped: readonly string[];
  /** What the metadata files said about the indicators. */
  described: DatasetMetadata;
};

type Row = { path: string; kind: RepositoryFileKind; observations: number | null; errors: number; warnings: number; note: string };

/**
 * Errors and warnings of a file, complete (the list of issues is capped, the counts per code are not):
 * each code counts with the severity its listed issues have.
 */
export function severityCounts(issues: readonly Issue[], counts: Partial<Record<IssueCode, number>>): Record<Severity, number> {
  const severityOf = new Map<IssueCode, Severity>();
  for (const i of issues) if (!severityOf.has(i.code)) severityOf.set(i.code, i.severity);
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const [code, n] of Object.entries(counts) as [IssueCode, number | undefined][]) {
    if (code === 'truncated_issues' || n === undefined) continue;
    out[severityOf.get(code) ?? 'warning'] += n;
  }
  return out;
}

/**
 * Every file of a folder (or of the files chosen) in one table, before the per-file reports: what it was
 * read as (data, metadata, boundaries, skipped), its observations, errors and warnings, and a one-line note.
 */
export function FileSummary({ results, paths, folder }: { results: readonly IngestResult[]; paths: readonly string[]; folder: FolderFiles | null }) {
  const { t, formatNumber } = useI18n();
  const rows: Row[] = results.map((r, i) => {
    const counts = severityCounts(r.issues, r.issueCounts);
    return { path: paths[i] ?? r.file.name, kind: 'data', observations: r.table.length, errors: counts.error, warnings: counts.warning, note: t(`result.layout.${r.file.layout}`) };
  });
  if (folder !== null) {
    for (const m of folder.metadata)
      rows.push({
        path: m.path,
        kind: 'metadata',
        observations: null,
        errors: m.issue === undefined ? 0 : 1,
        warnings: 0,
        note:
          m.issue !== undefined
            ? t('summary.note.problem', { detail: m.issue.detail ?? m.issue.code })
            : m.indicator !== undefined
              ? t('summary.note.indicator', { indicator: m.indicator })
              : t('summary.note.settings'),
      });
    for (const path of folder.boundaries) rows.push({ path, kind: 'boundaries', observations: null, errors: 0, warnings: 0, note: t('summary.note.boundaries') });
    for (const path of folder.skipped) rows.push({ path, kind: 'skipped', observations: null, errors: 0, warnings: 0, note: t('summary.note.skipped') });
  }
  const indicators = folder === null ? [] : Object.values(folder.described.indicators);
  const described = indicators.filter((i) => i.title !== undefined || i.unit !== undefined || i.definition !== undefined).length;
  const headlines = indicators.filter((i) => i.headlineSeries !== undefined).length;
  return (
    <section className="file-summary" aria-labelledby="file-summary-title">
      <h3 id="file-summary-title">{t('summary.title')}</h3>
      {folder !== null ? <p className="hint">{t('summary.metadata', { described, headlines })}</p> : null}
      <div className="table-scroll">
        <table className="summary-table">
          <caption className="visually-hidden">{t('summary.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summary.file')}</th>
              <th scope="col">{t('summary.readAs')}</th>
              <th scope="col">{t('summary.observations')}</th>
              <th scope="col">{t('summary.errors')}</th>
              <th scope="col">{t('summary.warnings')}</th>
              <th scope="col">{t('summary.note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${i}:${row.path}`} data-kind={row.kind}>
                <th scope="row" className="summary-file">
                  <bdi>{row.path}</bdi>
                </th>
                <td data-label={t('summary.readAs')}>
                  <span className={`kind kind-${row.kind}`}>{t(`summary.kind.${row.kind}`)}</span>
                </td>
                <td className="num" data-label={t('summary.observations')}>
                  {row.observations === null ? '—' : formatNumber(row.observations)}
                </td>
                <td className="num" data-label={t('summary.errors')}>
                  {formatNumber(row.errors)}
                </td>
                <td className="num" data-label={t('summary.warnings')}>
                  {formatNumber(row.warnings)}
                </td>
                <td data-label={t('summary.note')}>
                  <bdi>{row.note}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
