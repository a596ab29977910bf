import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import type { MessageKey } from '@/i18n/messages-en';
import type { IngestResult } from '@/ingest/types';
import { type ColumnRole, COLUMN_ROLES, checkRoles, type FixedValues, type MappingProblem, type PreviewCell, previewRows } from './column-roles';

const ROLE_KEYS: Readonly<Record<ColumnRole, MessageKey>> = {
  city: 'mapping.role.city',
  cityCode: 'mapping.role.cityCode',
  district: 'mapping.role.district',
  region: 'mapping.role.region',
  country: 'mapping.role.country',
  indicator: 'mapping.role.indicator',
  year: 'mapping.role.year',
  value: 'mapping.role.value',
  unit: 'mapping.role.unit',
  series: 'mapping.role.series',
  source: 'mapping.role.source',
  note: 'mapping.role.note',
  breakdown: 'mapping.role.breakdown',
  ignore: 'mapping.role.ignore',
};

const PROBLEM_MARKS: Readonly<Record<NonNullable<PreviewCell['problem']>, MessageKey>> = {
  not_a_number: 'mapping.preview.notNumber',
  not_a_year: 'mapping.preview.notYear',
  unknown_indicator: 'mapping.preview.notIndicator',
  blank: 'mapping.preview.blank',
  missing: 'mapping.preview.missing',
};

export type MappingChoice = { roles: ColumnRole[]; fixed: FixedValues; save: boolean };

/** A few distinct non-blank values of a column, to recognise it by. */
/** Columns offered for a role: a file of 524,288 columns shows its first ones (the others keep their detected role). */
export const MAPPING_COLUMNS = 200;

function examples(preview: readonly (readonly string[])[], col: number): string[] {
  const out: string[] = [];
  for (const row of preview.slice(1)) {
    const v = (row[col] ?? '').trim();
    if (v !== '' && !out.includes(v)) out.push(v.length > 24 ? `${v.slice(0, 24)}…` : v);
    if (out.length === 3) break;
  }
  return out;
}

/**
 * "Map the columns": a role for every column of the file (pre-filled), an indicator and a city for
 * files without those columns, the problems that stop the mapping, and a live preview of the first rows
 * as they would be imported. Apply hands the choice back; the panel reads the file again with it.
 */
export function ColumnMappingForm({
  result,
  initial,
  registry,
  busy,
  onApply,
  onCancel,
}: {
  result: IngestResult;
  initial: MappingChoice;
  registry: Registry;
  busy: boolean;
  onApply: (choice: MappingChoice) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [roles, setRoles] = useState<ColumnRole[]>(initial.roles);
  const [fixed, setFixed] = useState<FixedValues>(initial.fixed);
  const [save, setSave] = useState(initial.save);
  const [tried, setTried] = useState(false);
  const baseId = useId();
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const problemsRef = useRef<HTMLDivElement | null>(null);
  const header = result.file.header;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const problems = useMemo(() => checkRoles(header, roles, fixed), [header, roles, fixed]);
  const rows = useMemo(() => previewRows(result.preview, roles, fixed, result.file.decimal), [result.preview, roles, fixed, result.file.decimal]);
  const hasIndicatorColumn = roles.includes('indicator');
  const hasCityColumn = roles.includes('city') || roles.includes('cityCode');

  const indicatorOptions = useMemo(() => {
    const list: Array<{ code: string; title: string }> = registry.indicators.map((ind) => ({ code: ind.code, title: ind.title[lang] || ind.title.en }));
    if (fixed.indicator !== '' && !list.some((o) => o.code === fixed.indicator)) list.unshift({ code: fixed.indicator, title: '' });
    return list;
  }, [registry, lang, fixed.indicator]);

  const problemText = (p: MappingProblem): string => {
    switch (p.code) {
      case 'duplicate_role':
        return t('mapping.problem.duplicate', { role: t(ROLE_KEYS[p.role]), columns: p.columns.map((c) => `“${c}”`).join(t('list.separator')) });
      case 'missing_role':
        return t(p.role === 'value' ? 'mapping.problem.noValue' : 'mapping.problem.noYear');
      case 'missing_indicator':
        return t('mapping.problem.noIndicator');
      default:
        return assertNever(p);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length > 0) {
      problemsRef.current?.focus();
      return;
    }
    onApply({ roles, fixed, save });
  };

  const cellView = (c: PreviewCell) =>
    c.problem === undefined ? (
      <bdi>{c.text}</bdi>
    ) : (
      <span className="preview-problem">
        <span aria-hidden="true">✖ </span>
        {c.text !== '' ? (
          <>
            <bdi>{c.text}</bdi>{' '}
          </>
        ) : null}
        <span className="preview-problem-text">({t(PROBLEM_MARKS[c.problem])})</span>
      </span>
    );

  const headingId = `${baseId}-title`;
  return (
    <section className="mapping" aria-labelledby={headingId}>
      <h4 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('mapping.title', { name: result.file.name })}
      </h4>
      <p className="hint">{t('mapping.intro')}</p>
      <form onSubmit={submit} noValidate>
        <fieldset className="mapping-columns">
          <legend>{t('mapping.columns')}</legend>
          {header.length > MAPPING_COLUMNS ? <p className="hint">{t('mapping.columnsShown', { shown: MAPPING_COLUMNS, total: header.length })}</p> : null}
          <ul>
            {header.slice(0, MAPPING_COLUMNS).map((h, i) => {
              const selectId = `${baseId}-col-${i}`;
              const exampleId = `${baseId}-ex-${i}`;
              const ex = examples(result.preview, i);
              return (
                <li key={i} className="mapping-row">
                  <div className="mapping-column">
                    <label htmlFor={selectId}>{h === '' ? t('mapping.blankHeader', { index: i + 1 }) : <bdi>{h}</bdi>}</label>
                    <span id={exampleId} className="hint">
                      {ex.length > 0 ? (
                        <>
                          {t('mapping.examples')}{' '}
                          {ex.map((v, k) => (
                            <span key={k}>
                              {k > 0 ? t('list.separator') : ''}
                              <bdi className="mapping-example">{v}</bdi>
                            </span>
                          ))}
                        </>
                      ) : (
                        t('mapping.noExamples')
                      )}
                    </span>
                  </div>
                  <select
                    id={selectId}
                    aria-describedby={exampleId}
                    value={h === '' ? 'ignore' : (roles[i] ?? 'ignore')}
                    disabled={h === '' || busy}
                    onChange={(e) => {
                      const role = COLUMN_ROLES.find((r) => r === e.target.value);
                      if (role !== undefined) setRoles((prev) => prev.map((r, k) => (k === i ? role : r)));
                    }}
                  >
                    {COLUMN_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(ROLE_KEYS[r])}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
        </fieldset>

        <div className="mapping-fixed">
          <div className="field">
            <label htmlFor={`${baseId}-indicator`}>{t('mapping.fixedIndicator')}</label>
            <select
              id={`${baseId}-indicator`}
              aria-describedby={`${baseId}-indicator-hint`}
              value={fixed.indicator}
              disabled={hasIndicatorColumn || busy}
              onChange={(e) => setFixed((f) => ({ ...f, indicator: e.target.value }))}
            >
              <option value="">{t('mapping.fixedIndicator.none')}</option>
              {indicatorOptions.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.title !== '' ? `${o.code} — ${o.title}` : o.code}
                </option>
              ))}
            </select>
            <p id={`${baseId}-indicator-hint`} className="hint">
              {hasIndicatorColumn ? t('mapping.fixedIndicator.fromColumn') : t('mapping.fixedIndicator.hint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-city`}>{t('mapping.fixedCity')}</label>
            <input
              id={`${baseId}-city`}
              type="text"
              aria-describedby={`${baseId}-city-hint`}
              value={fixed.city}
              disabled={hasCityColumn || busy}
              maxLength={200}
              onChange={(e) => setFixed((f) => ({ ...f, city: e.target.value }))}
            />
            <p id={`${baseId}-city-hint`} className="hint">
              {hasCityColumn ? t('mapping.fixedCity.fromColumn') : t('mapping.fixedCity.hint')}
            </p>
          </div>
        </div>

        <div ref={problemsRef} tabIndex={-1} className="mapping-problems" aria-live="polite">
          {problems.length > 0 ? (
            <div className={`message ${tried ? 'message-error' : 'message-info'}`}>
              <p>{t('mapping.problems')}</p>
              <ul>
                {problems.map((p, k) => (
                  <li key={k}>{problemText(p)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="message message-success">{t('mapping.ready')}</p>
          )}
        </div>

        <h5 className="mapping-preview-title">{t('mapping.preview')}</h5>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('mapping.preview')}>
          <table className="mapping-preview">
            <caption className="visually-hidden">{t('mapping.preview.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('mapping.preview.line')}
                </th>
                <th scope="col">{t('mapping.role.city')}</th>
                <th scope="col">{t('mapping.role.indicator')}</th>
                <th scope="col">{t('mapping.role.year')}</th>
                <th scope="col" className="num">
                  {t('mapping.role.value')}
                </th>
                <th scope="col">{t('mapping.role.breakdown')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t('mapping.preview.empty')}</td>
                </tr>
              ) : (
                rows.map((r) => (
                  <tr key={r.line}>
                    <td className="num" data-label={t('mapping.preview.line')}>
                      {r.line}
                    </td>
                    <td data-label={t('mapping.role.city')}>
                      {r.city.text === '' && r.city.problem === undefined ? <span className="hint">{t('mapping.preview.cityAssumed')}</span> : cellView(r.city)}
                    </td>
                    <td data-label={t('mapping.role.indicator')}>{cellView(r.indicator)}</td>
                    <td data-label={t('mapping.role.year')}>{cellView(r.year)}</td>
                    <td className="num" data-label={t('mapping.role.value')}>
                      {cellView(r.value)}
                    </td>
                    <td data-label={t('mapping.role.breakdown')}>
                      {r.breakdown.length === 0
                        ? t('mapping.preview.total')
                        : r.breakdown.map(([k, v], n) => (
                            <span key={n}>
                              {n > 0 ? t('list.separator') : ''}
                              {/* One isolate per pair: "Sex: Female" stays in its own direction inside Arabic text. */}
                              <bdi>
                                {k}: {v}
                              </bdi>
                            </span>
                          ))}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>

        <div className="mapping-save">
          <input id={`${baseId}-save`} type="checkbox" checked={save} disabled={busy} onChange={(e) => setSave(e.target.checked)} />
          <label htmlFor={`${baseId}-save`}>{t('mapping.save')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('mapping.applying') : t('mapping.apply')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={onCancel}>
            {t('mapping.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
