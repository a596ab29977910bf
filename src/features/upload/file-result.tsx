import { type ReactNode, useId } from 'react';
import type { Delimiter, IngestResult } from '@/ingest/types';
import { useI18n } from '@/i18n/i18n-context';
import type { MessageKey } from '@/i18n/messages-en';
import { ValidationReport } from './validation-report';
import { ENCODING_NAMES } from '@/i18n/issue-text';

/** Columns the preview table draws: a file of 524,288 columns is shown by its first ones, with a note. */
export const PREVIEW_TABLE_COLUMNS = 50;

const DELIMITER_KEYS: Readonly<Record<Delimiter, MessageKey>> = {
  ',': 'result.delimiter.comma',
  ';': 'result.delimiter.semicolon',
  '\t': 'result.delimiter.tab',
  '|': 'result.delimiter.pipe',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One file's result: how it was read, the counts, what the panel offers for it (`children`: the
 * column-mapping step), the validation report and the first rows.
 */
export function FileResult({ result, children }: { result: IngestResult; children?: ReactNode }) {
  const { t, formatNumber } = useI18n();
  const { file } = result;
  const headingId = useId();
  const allColumns = file.header.length;
  const header = (result.preview[0] ?? []).slice(0, PREVIEW_TABLE_COLUMNS);
  const body = result.preview.slice(1);
  const columns = header.length;
  return (
    <article className="card file-result" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        <bdi>{file.name}</bdi>
      </h3>
      <h4 className="visually-hidden">{t('result.detected')}</h4>
      <dl className="facts">
        <Fact label={t('result.encoding')}>
          {ENCODING_NAMES[file.encoding] ?? file.encoding}
          {file.bom ? ` (${t('result.bom')})` : ''}
        </Fact>
        <Fact label={t('result.delimiter')}>{t(DELIMITER_KEYS[file.delimiter])}</Fact>
        <Fact label={t('result.layout')}>{t(`result.layout.${file.layout}`)}</Fact>
        <Fact label={t('result.decimal')}>{t(file.decimal === ',' ? 'result.decimal.comma' : 'result.decimal.dot')}</Fact>
        <Fact label={t('result.rowsRead')}>{formatNumber(file.rows)}</Fact>
        <Fact label={t('result.accepted')}>{formatNumber(result.table.length)}</Fact>
        <Fact label={t('result.rejected')}>{formatNumber(result.rowsRejected)}</Fact>
      </dl>
      {children}
      <h4>{t('report.title')}</h4>
      <ValidationReport issues={result.issues} issueCounts={result.issueCounts} fileName={file.name} />
      {header.length > 0 ? (
        <details className="preview" open>
          <summary>{t('preview.title')}</summary>
          {allColumns > columns ? <p className="hint">{t('preview.columnsShown', { shown: columns, total: allColumns })}</p> : null}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('preview.title')}>
            <table>
              <caption className="visually-hidden">{t('preview.caption', { count: body.length })}</caption>
              <thead>
                <tr>
                  {header.map((h, i) => (
                    <th key={i} scope="col">
                      <bdi>{h}</bdi>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {body.map((row, r) => (
                  <tr key={r}>
                    {/* A ragged row is shown as read: short rows padded with empty cells, long ones in full (up to the columns shown). */}
                    {Array.from({ length: Math.min(Math.max(row.length, columns), PREVIEW_TABLE_COLUMNS) }, (_, c) => (
                      <td key={c}>
                        <bdi>{row[c] ?? ''}</bdi>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </article>
  );
}
