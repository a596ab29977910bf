import { dataText } from '@/domain/dataset-indicator';
import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { canvasMeasureText } from '@/charts/canvas-measure';
import { renderFigureSvg, type RenderedFigure, responsiveSvg } from '@/charts/figure';
import type { ProgressMethod, ProgressStatus } from '@/domain/progress/types';
import { PROGRESS_STATUSES } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import { cityDisplayName, type CityNames, type Dashboard, type DashboardCity, type ViewLink } from '@/model/dashboard-model';
import { formatSentence } from '@/model/explanation-text';
import { CityPairPicker } from '@/ui/city-pair-picker';
import { useDashboard } from '@/ui/use-dashboard';
import { type AnnexRow, annexCsv, buildAnnex } from '@/model/annex';
import { AnnexTable } from '@/ui/annex-table';
import { type CityFigure, cityFigures, type FigureContext } from '@/model/city-figures';
import { cityMapFigures } from '@/model/map-figure';
import { cityGapFigures } from '@/model/gap-figure';
import { useBoundarySets } from '@/ui/boundary-context';
import { useReportCovers } from '@/ui/report-cover-context';
import { useReview } from '@/ui/review-context';
import { ReviewChanges } from '@/ui/review-changes';
import { ReviewPicker, useReviewOptionLabel } from '@/ui/review-picker';
import { type ReviewBaseline, useReviewBaseline } from '@/ui/use-review-baseline';
import { reviewDiff } from '@/model/review-diff';
import { logoType, MAX_LOGO_BYTES, type ReportCover, withCover } from '@/model/report-cover';
import { bytesToBase64 } from '@/storage/base64';
import { downloadBlob, downloadText } from '@/ui/download';
import { citySlug } from '@/model/figure-names';
import { SDG_COLORS } from '@/model/sdg-colors';
import { StatusBadge } from '@/ui/status-badge';
import { StatusBar, StatusChips, useCountsText } from '@/ui/status-bar';
import { useI18n } from '@/i18n/i18n-context';
import { intlLocale, LANG_NAMES } from '@/i18n/lang';
import type { LoadedDataset } from '@/storage/dataset-record';
import { buildReport, localized, type ReportCitySummary, type ReportIndicator, type ReportSection, resolveReportCities } from '@/model/report-model';
import './report.css';

export type ReportPageProps = {
  datasets: readonly LoadedDataset[];
  registry: Registry;
  /** Display names of cities by code, per language (the demo's fictional cities). */
  cityNames: CityNames;
  /** The city in the URL (code, or name); the first city when undefined. */
  city: string | undefined;
  /** The partner-city edition (`cities=A,B`): the first two are shown side by side. */
  cities: readonly string[] | undefined;
  method: ProgressMethod;
  /** A link to another view (the app fills in the rest of the current state). */
  hrefFor: (s: ViewLink) => string;
  /** The last review to compare with (a `reviewKey`, from the URL); none when undefined. */
  review: string | undefined;
  /** The user chose cities (or the page settled on one; `cities: []` ends the partner edition), or a last review. */
  onSelect: (s: { city?: string; cities?: string[]; review?: string | undefined }) => void;
};

type Shown = { readonly city: DashboardCity; readonly name: string };

/** A rendered figure as the report shows it (the very SVG the ZIP holds). */
/** `raw` is the figure as exported (the ZIP reuses it); `svg` the same drawing made to scale with the page. */
type ShownFigure = { readonly figure: CityFigure; readonly raw: RenderedFigure; readonly svg: string; readonly label: string };

type ZipState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly done: number; readonly total: number }
  | { readonly kind: 'ready'; readonly name: string; readonly bytes: number }
  | { readonly kind: 'error'; readonly reason: string };

/**
 * The printable city report (A4, print stylesheet in report.css): a toolbar that is not printed, the
 * cover, the summary by status and by NUA priority, one section per SDG target with each indicator's
 * figure and explanation, and the statistical annex. The partner-city edition shows two cities side
 * by side (two-city figures, an explanation column per city).
 */
export function ReportPage({ datasets, registry, cityNames, city, cities, method, review, hrefFor, onSelect }: ReportPageProps) {
  const { t, lang } = useI18n();
  const dashboard = useDashboard(datasets, registry, method);
  const { primary, partner, missing } = useMemo(() => resolveReportCities(dashboard, city, cities), [dashboard, city, cities]);

  // Write the city shown back into the URL, unless the URL names a city the data lacks (a notice says so).
  useEffect(() => {
    if (primary !== undefined && missing.length === 0 && primary.key !== city) onSelect({ city: primary.key });
  }, [primary, missing, city, onSelect]);

  if (primary === undefined) {
    return (
      <section aria-labelledby="report-title" className="page report">
        <h1 id="report-title" tabIndex={-1}>
          {t('cityReport.title')}
        </h1>
        <p className="empty">
          {t('cityReport.noData')} <a href={hrefFor({ view: 'data' })}>{t('cityReport.goToData')}</a>
        </p>
      </section>
    );
  }
  const shown: Shown[] = [primary, partner].filter((c): c is DashboardCity => c !== undefined).map((c) => ({ city: c, name: cityDisplayName(c, cityNames, lang) }));
  return <Report dashboard={dashboard} datasets={datasets} registry={registry} cityNames={cityNames} shown={shown} missing={missing} method={method} review={review} onSelect={onSelect} />;
}

type ReportProps = {
  dashboard: Dashboard;
  datasets: readonly LoadedDataset[];
  registry: Registry;
  cityNames: CityNames;
  shown: readonly Shown[];
  missing: readonly string[];
  method: ProgressMethod;
  review: string | undefined;
  onSelect: ReportPageProps['onSelect'];
};

function Report({ dashboard, datasets, registry, cityNames, shown, missing, method, review, onSelect }: ReportProps) {
  const { t, lang, digits } = useI18n();
  const first = shown[0];
  const second = shown[1];
  const cityKeys = useMemo(() => shown.map((s) => s.city.key), [shown]);
  const keysText = cityKeys.join('\u0000');
  const model = useMemo(() => buildReport(dashboard, registry, keysText.split('\u0000')), [dashboard, registry, keysText]);
  // The date on the cover and in the figures' footers: when this report was computed.
  const [computedAt] = useState(() => new Date());
  const measureText = useMemo(() => canvasMeasureText(), []);
  const ctx: FigureContext = useMemo(
    () => ({ dashboard, registry, datasets, names: cityNames, lang, digits, computedAt, ...(measureText === undefined ? {} : { measureText }) }),
    [dashboard, registry, datasets, cityNames, lang, digits, computedAt, measureText],
  );
  const primaryKey = first?.city.key ?? '';
  const partnerKey = second?.city.key;
  const boundarySets = useBoundarySets();
  // The maps of the primary city's districts follow the trend figures (drawn when a boundary file joins).
  // After each indicator's trend: the map of the primary city's districts, then its gaps between groups.
  const figures = useMemo(
    () => [...cityFigures(ctx, primaryKey, partnerKey), ...cityMapFigures(ctx, boundarySets, primaryKey), ...cityGapFigures(ctx, primaryKey)],
    [ctx, primaryKey, partnerKey, boundarySets],
  );
  // The indicators in the order the report shows them ('' first: the summary's status figure). No
  // figure is drawn with the page, which shows the cover, the contents and the summary's text at once;
  // the figures follow a few indicators per step after it has painted, each step a short task (the page
  // answers meanwhile, a million rows or not). New figures (another language, names, a boundary file)
  // start again from the top. Printing draws what is left at once, before the browser lays out the paper.
  const order = useMemo(() => ['', ...model.sections.flatMap((s) => s.indicators.map((i) => i.code))], [model]);
  const [drawnUpTo, setDrawnUpTo] = useState<{ figures: readonly CityFigure[]; count: number; error?: unknown }>({ figures, count: 0 });
  const drawnCount = drawnUpTo.figures === figures ? drawnUpTo.count : 0;
  // A figure that failed to draw in a step is this render's error (the view's error boundary says so).
  if (drawnUpTo.figures === figures && drawnUpTo.error !== undefined) throw drawnUpTo.error;
  const complete = drawnCount >= order.length;
  useEffect(() => {
    if (complete) return;
    // One step: the figures of the next indicators are drawn (SVG strings, kept in DRAWINGS) for about
    // STEP_MS, then the page shows those indicators in a render of its own.
    const timer = setTimeout(() => {
      const t0 = performance.now();
      let count = drawnCount;
      try {
        while (count < order.length && performance.now() - t0 < STEP_MS) {
          const code = order[count];
          for (const figure of figures) if ((figure.indicator ?? '') === code) drawFigure(figure);
          count++;
        }
        setDrawnUpTo({ figures, count });
      } catch (error) {
        setDrawnUpTo({ figures, count, error });
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [order, drawnCount, complete, figures]);
  useEffect(() => {
    const drawAll = () => flushSync(() => setDrawnUpTo({ figures, count: Number.POSITIVE_INFINITY }));
    window.addEventListener('beforeprint', drawAll);
    return () => window.removeEventListener('beforeprint', drawAll);
  }, [figures]);
  const drawnCodes = useMemo(() => new Set(order.slice(0, drawnCount)), [order, drawnCount]);
  // Each figure is drawn once (kept while the figures are the same), when its indicator is drawn.
  const rendered = useMemo(() => {
    const out = new Map<string | null, ShownFigure>();
    for (const figure of figures) {
      if (!drawnCodes.has(figure.indicator ?? '')) continue;
      const drawn = drawFigure(figure);
      const key = figure.kind === 'status' ? null : figure.kind === 'map' ? `map:${figure.indicator ?? ''}` : figure.kind === 'gap' ? `gap:${figure.fileBase}` : figure.indicator;
      out.set(key, drawn);
    }
    return out;
  }, [figures, drawnCodes]);
  // Each indicator's gap figures (one per breakdown), grouped once.
  const gapsByCode = useMemo(() => {
    const out = new Map<string, ShownFigure[]>();
    for (const f of rendered.values()) if (f.figure.kind === 'gap' && f.figure.indicator !== null) out.set(f.figure.indicator, [...(out.get(f.figure.indicator) ?? []), f]);
    return out;
  }, [rendered]);
  // The last review chosen (kept in the URL): its section follows the summary, and the contents name it.
  const baseline = useReviewBaseline(review, registry, method);
  const annexRows = useMemo(() => cityKeys.flatMap((k) => buildAnnex({ dashboard, registry, datasets, names: cityNames, lang, digits }, k)), [cityKeys, dashboard, registry, datasets, cityNames, lang, digits]);

  const cityLabel = second === undefined ? (first?.name ?? '') : t('cityReport.cover.cities', { first: first?.name ?? '', second: second.name });
  const dateText = useMemo(() => new Intl.DateTimeFormat(intlLocale(lang, digits), { dateStyle: 'long' }).format(computedAt).replace(/[\u061C\u200E\u200F]/g, ''), [lang, digits, computedAt]);
  const slug = [first, second]
    .filter((s): s is Shown => s !== undefined)
    .map((s) => citySlug(s.city, cityNames))
    .join('-');

  return (
    <section
      aria-labelledby="report-title"
      className={`page report${second === undefined ? '' : ' is-pair'}`}
      data-cities={cityKeys.join(',')}
      data-complete={complete ? 'true' : 'false'}
      aria-busy={!complete}
    >
      <Toolbar shown={shown} dashboard={dashboard} cityNames={cityNames} onSelect={onSelect} figures={figures} annexRows={annexRows} slug={slug} cityLabel={cityLabel} dateText={dateText} method={method} datasets={datasets} />
      {missing.length > 0 ? (
        <p className="message message-info report-screen-only" role="status">
          {t('cityReport.cityMissing', { cities: missing.join(', '), shown: shown.map((s) => s.name).join(' · ') })} {t('link.dataElsewhere')}
        </p>
      ) : null}

      <div className="report-cover-editors report-screen-only">
        {shown.map((s) => (
          <CoverEditor key={s.city.key} city={s.city} cityName={s.name} />
        ))}
      </div>
      <PrintPageStyle cityLabel={cityLabel} title={t(second === undefined ? 'cityReport.cover.title' : 'cityReport.cover.partnerTitle')} />
      <Cover shown={shown} model={model} method={method} dateText={dateText} />
      <Contents sections={model.sections} review={baseline.kind === 'ready'} />
      <Summary shown={shown} summaries={model.cities} statusFigure={rendered.get(null)} />
      <SinceLastReview shown={shown} dashboard={dashboard} registry={registry} baseline={baseline} review={review} onSelect={onSelect} />
      {model.sections.map((section, i) =>
        section.indicators.some((ind) => drawnCodes.has(ind.code)) ? (
          <Section
            key={`${section.kind}:${section.key}`}
            id={sectionId(i)}
            section={section}
            drawn={drawnCodes}
            // On paper each SDG goal (or the local/unregistered group) starts a page; its targets follow on.
            goalStart={i === 0 || section.goal !== model.sections[i - 1]?.goal || section.kind !== model.sections[i - 1]?.kind}
            shown={shown}
            rendered={rendered}
            gapsByCode={gapsByCode}
          />
        ) : null,
      )}
      <section className="report-annex" id="report-annex" aria-labelledby="report-annex-title">
        <h2 id="report-annex-title">{t('cityReport.annex.title')}</h2>
        <p className="hint">{t('cityReport.annex.intro')}</p>
        <AnnexDownloads rows={annexRows} slug={slug} />
        {/* The table follows the last indicator drawn (it closes the report on paper). */}
        {complete ? <AnnexTable rows={annexRows} caption={t('cityReport.annex.caption', { city: cityLabel })} /> : null}
      </section>
    </section>
  );
}

function Toolbar({
  shown,
  dashboard,
  cityNames,
  onSelect,
  figures,
  annexRows,
  slug,
  cityLabel,
  dateText,
  method,
  datasets,
}: {
  shown: readonly Shown[];
  dashboard: Dashboard;
  cityNames: CityNames;
  onSelect: ReportPageProps['onSelect'];
  /** Every figure of the report; the ZIP reuses the drawings the page made and draws the others. */
  figures: readonly CityFigure[];
  annexRows: readonly AnnexRow[];
  /** The cities' file-name slug (`amman`, `amman-zurich`). */
  slug: string;
  cityLabel: string;
  dateText: string;
  method: ProgressMethod;
  datasets: readonly LoadedDataset[];
}) {
  const { t, lang, digits, formatNumber } = useI18n();
  const cityId = useId();
  const [zip, setZip] = useState<ZipState>({ kind: 'idle' });
  const primary = shown[0]?.city;
  const partner = shown[1]?.city;

  // A new selection or language makes a new ZIP: the last one's message no longer applies.
  useEffect(() => setZip({ kind: 'idle' }), [figures]);

  const download = useCallback(async () => {
    setZip({ kind: 'busy', done: 0, total: figures.length });
    try {
      const [{ buildFiguresZip, figuresZipName }, { annexXlsxBlob }] = await Promise.all([import('@/model/zip-figures'), import('@/model/annex-xlsx-browser')]);
      const zipName = figuresZipName(slug, lang);
      const xlsx = await annexXlsxBlob(annexRows, lang);
      const blob = await buildFiguresZip(
        figures,
        { csv: annexCsv(annexRows, lang), xlsx },
        {
          lang,
          digits,
          cityLabel,
          date: dateText,
          method: t(`method.${method}`),
          datasets: datasets.map((d) => d.name).join(t('list.separator')),
          onProgress: (done, total) => setZip({ kind: 'busy', done, total }),
          render: (figure) => DRAWINGS.get(figure)?.raw ?? renderFigureSvg(figure.input),
        },
      );
      downloadBlob(blob, zipName);
      setZip({ kind: 'ready', name: zipName, bytes: blob.size });
    } catch (e) {
      setZip({ kind: 'error', reason: e instanceof Error ? e.message : String(e) });
    }
  }, [figures, annexRows, lang, digits, cityLabel, dateText, t, method, datasets, slug]);

  if (primary === undefined) return null;

  return (
    <div className="report-toolbar" role="group" aria-label={t('cityReport.toolbar')}>
      <p className="intro">{t('cityReport.intro')}</p>
      <div className="toolbar">
        <CityPairPicker
          cities={dashboard.cities}
          cityNames={cityNames}
          primary={primary}
          partner={partner}
          labels={{ city: t('cityReport.city'), partner: t('cityReport.partner'), none: t('cityReport.partnerNone') }}
          onSelect={onSelect}
        />
        <div className="report-actions">
          <button type="button" className="button primary" onClick={() => window.print()}>
            {t('cityReport.print')}
          </button>
          <button type="button" className="button secondary" onClick={() => void download()} disabled={zip.kind === 'busy'} aria-describedby={`${cityId}-zip`}>
            {t('cityReport.download')}
          </button>
        </div>
      </div>
      <p id={`${cityId}-zip`} className={`report-zip-state${zip.kind === 'error' ? ' message message-error' : ''}`} role="status">
        {zip.kind === 'busy'
          ? t('cityReport.downloadBusy', { done: zip.done, total: zip.total })
          : zip.kind === 'ready'
            ? t('cityReport.downloadReady', { name: zip.name, size: formatNumber(Math.max(1, Math.round(zip.bytes / 1024)), { decimals: 0 }) })
            : zip.kind === 'error'
              ? t('cityReport.downloadError', { reason: zip.reason })
              : ''}
      </p>
    </div>
  );
}

function usePeriodText(): (p: { from: number; to: number } | null) => string {
  const { t, formatNumber } = useI18n();
  return useCallback(
    (p) => {
      if (p === null) return t('cityReport.noPeriod');
      const year = (y: number) => formatNumber(y, { grouping: false, decimals: 0 });
      return p.from === p.to ? year(p.from) : t('cityReport.period', { from: year(p.from), to: year(p.to) });
    },
    [t, formatNumber],
  );
}

function Cover({ shown, model, method, dateText }: { shown: readonly Shown[]; model: ReturnType<typeof buildReport>; method: ProgressMethod; dateText: string }) {
  const { t, lang, formatNumber } = useI18n();
  const periodText = usePeriodText();
  const { covers } = useReportCovers();
  const indicators = model.sections.reduce((n, s) => n + s.indicators.length, 0);
  // The observatory's own words where it gave them (the first city's cover; each city's organisation and logo).
  const own = shown.map((s) => covers[s.city.key]);
  const first = own[0];
  const organisations = shown.flatMap((s, i) => {
    const c = own[i];
    return c?.organisation === undefined && c?.logo === undefined ? [] : [{ key: s.city.key, organisation: c.organisation, logo: c.logo }];
  });
  return (
    <section className="report-cover" aria-label={t('cityReport.cover.label')} data-own-cover={first === undefined ? undefined : 'true'}>
      {organisations.length > 0 ? (
        <div className="report-cover-orgs">
          {organisations.map((o) => (
            <div key={o.key} className="report-cover-org">
              {o.logo === undefined ? null : <img className="report-cover-logo" src={o.logo} alt={o.organisation ?? ''} />}
              {o.organisation === undefined ? null : (
                <p className="report-cover-organisation">
                  <bdi>{o.organisation}</bdi>
                </p>
              )}
            </div>
          ))}
        </div>
      ) : (
        <p className="report-kicker">{t('cityReport.cover.kicker')}</p>
      )}
      <h1 id="report-title" tabIndex={-1}>
        <span className="report-cover-title">
          {first?.title !== undefined ? <bdi>{first.title}</bdi> : t(shown.length > 1 ? 'cityReport.cover.partnerTitle' : 'cityReport.cover.title')}
        </span>
        <span className="report-cover-cities">
          {shown.map((s, i) => (
            <span key={s.city.key} className="report-cover-city" data-city={s.city.key}>
              {i > 0 ? <span className="report-cover-sep"> · </span> : null}
              <bdi>{s.name}</bdi>
            </span>
          ))}
        </span>
        {first?.subtitle === undefined ? null : (
          <span className="report-cover-subtitle">
            <bdi>{first.subtitle}</bdi>
          </span>
        )}
      </h1>
      <dl className="report-cover-facts">
        <div>
          <dt>{t('cityReport.cover.period')}</dt>
          <dd>
            <bdi>{first?.period ?? periodText(model.period)}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('cityReport.cover.indicators')}</dt>
          <dd>{formatNumber(indicators)}</dd>
        </div>
        <div>
          <dt>{t('cityReport.cover.language')}</dt>
          <dd lang={lang}>{LANG_NAMES[lang]}</dd>
        </div>
        <div>
          <dt>{t('cityReport.cover.method')}</dt>
          <dd>{t(`method.${method}`)}</dd>
        </div>
        <div>
          <dt>{t('cityReport.cover.date')}</dt>
          <dd>
            <bdi>{first?.date ?? dateText}</bdi>
          </dd>
        </div>
      </dl>
      {first?.foreword === undefined ? null : (
        <div className="report-cover-foreword">
          <h2>{t('cityReport.cover.foreword')}</h2>
          {first.foreword.split(/\n\s*\n/).map((para, k) => (
            <p key={k}>{para}</p>
          ))}
        </div>
      )}
      <p className="report-cover-note">{t('cityReport.cover.note')}</p>
    </section>
  );
}

const COVER_FIELDS = ['title', 'subtitle', 'organisation', 'date', 'period'] as const;

/**
 * "Your cover": the observatory's title, subtitle, organisation, logo, foreword, date and period for
 * this city's report, saved at once in this browser (and in workspace files); blank fields keep
 * Marsad's own. Screen only.
 */
function CoverEditor({ city, cityName }: { city: DashboardCity; cityName: string }) {
  const { t } = useI18n();
  const { covers, save } = useReportCovers();
  const cover = covers[city.key] ?? {};
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const ids = { title: useId(), subtitle: useId(), organisation: useId(), date: useId(), period: useId(), foreword: useId(), logo: useId() };
  const store = async (next: ReportCover) => {
    const r = await save(withCover(covers, city.key, next));
    setStatus(r.ok ? { tone: 'info', text: t('cityReport.coverEditor.saved', { city: cityName }) } : { tone: 'error', text: t(r.key, r.params) });
  };
  const onLogo = async (file: File | undefined) => {
    if (file === undefined) return;
    if (file.size > MAX_LOGO_BYTES) {
      setStatus({ tone: 'error', text: t('cityReport.coverEditor.logoTooLarge', { file: file.name, limit: Math.round(MAX_LOGO_BYTES / 1024) }) });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = logoType(bytes);
    if (type === undefined) {
      setStatus({ tone: 'error', text: t('cityReport.coverEditor.logoType', { file: file.name }) });
      return;
    }
    await store({ ...cover, logo: `data:image/${type};base64,${bytesToBase64(bytes)}` });
  };
  return (
    <details className="report-cover-editor report-screen-only" data-testid="cover-editor">
      <summary className="button secondary small">{t('cityReport.coverEditor.open', { city: cityName })}</summary>
      <p className="hint">{t('cityReport.coverEditor.intro')}</p>
      <div className="report-cover-fields">
        {COVER_FIELDS.map((field) => (
          <div key={`${city.key}:${field}`} className="field">
            <label htmlFor={ids[field]}>{t(`cityReport.coverEditor.${field}`)}</label>
            <input
              id={ids[field]}
              defaultValue={cover[field] ?? ''}
              maxLength={field === 'title' ? 200 : 300}
              onBlur={(e) => (e.currentTarget.value.trim() === (cover[field] ?? '') ? undefined : void store({ ...cover, [field]: e.currentTarget.value }))}
            />
          </div>
        ))}
        <div className="field field-wide">
          <label htmlFor={ids.foreword}>{t('cityReport.coverEditor.foreword')}</label>
          <textarea
            id={ids.foreword}
            key={`${city.key}:foreword`}
            rows={5}
            defaultValue={cover.foreword ?? ''}
            maxLength={5000}
            onBlur={(e) => (e.currentTarget.value.trim() === (cover.foreword ?? '') ? undefined : void store({ ...cover, foreword: e.currentTarget.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.logo}>{t('cityReport.coverEditor.logo')}</label>
          <input id={ids.logo} type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => void onLogo(e.currentTarget.files?.[0])} />
          {cover.logo === undefined ? null : (
            <button type="button" className="button secondary small" onClick={() => void store({ ...cover, logo: undefined })}>
              {t('cityReport.coverEditor.removeLogo')}
            </button>
          )}
        </div>
      </div>
      <p className={status?.tone === 'error' ? 'message message-error' : 'hint'} role={status?.tone === 'error' ? 'alert' : 'status'}>
        {status?.text ?? ''}
      </p>
    </details>
  );
}

function Summary({ shown, summaries, statusFigure }: { shown: readonly Shown[]; summaries: readonly ReportCitySummary[]; statusFigure: ShownFigure | undefined }) {
  const { t, formatNumber } = useI18n();
  const periodText = usePeriodText();
  const countItem = useCallback((s: ProgressStatus, n: number) => t('cityReport.summary.statusCount', { status: t(`status.${s}`), count: n }), [t]);
  const countsText = useCountsText(countItem);
  return (
    <section className="report-summary" id="report-summary" aria-labelledby="report-summary-title">
      <h2 id="report-summary-title">{t('cityReport.summary.title')}</h2>
      {statusFigure === undefined ? null : <Figure figure={statusFigure} />}
      <div className="report-columns">
        {summaries.map((c, i) => {
          const name = shown[i]?.name ?? c.cityKey;
          return (
            <div key={c.cityKey} className="report-column report-city-summary" data-city={c.cityKey}>
              <h3>
                <bdi>{name}</bdi> <span className="report-period">({periodText(c.period)})</span>
              </h3>
              <h4>{t('cityReport.summary.byStatus')}</h4>
              {c.overall.indicators > 0 ? <StatusBar counts={c.overall.counts} label={t('cityReport.summary.barLabel', { city: name, list: countsText(c.overall.counts) })} /> : null}
              <p className="report-reported">{t('cityReport.summary.reported', { count: c.overall.indicators })}</p>
              <ul className="report-status-list">
                {PROGRESS_STATUSES.map((s) => (
                  <li key={s} data-status={s}>
                    <StatusBadge status={s} />
                    <span className="report-status-count">{formatNumber(c.overall.counts[s])}</span>
                  </li>
                ))}
              </ul>
              <h4>{t('cityReport.summary.byPriority')}</h4>
              <table className="report-priority-table">
                <caption className="visually-hidden">{t('cityReport.summary.caption', { city: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cityReport.summary.col.priority')}</th>
                    <th scope="col" className="num">
                      {t('cityReport.summary.col.indicators')}
                    </th>
                    <th scope="col">{t('cityReport.summary.col.statuses')}</th>
                    <th scope="col" className="num">
                      {t('cityReport.summary.col.meanScore')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.byPriority.map((g) => (
                    <tr key={g.key} data-priority={g.key}>
                      <th scope="row">{t(`nua.priority.${priorityKey(g.key)}`)}</th>
                      <td className="num">{formatNumber(g.indicators)}</td>
                      <td>{g.indicators === 0 ? '–' : <StatusChips counts={g.counts} />}</td>
                      <td className="num">
                        {g.meanScore === null ? t('cityReport.summary.noScore') : <bdi dir="ltr">{formatNumber(g.meanScore, { decimals: 1 })}</bdi>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function priorityKey(key: string): 'governance' | 'planning' | 'finance' {
  return key === 'governance' || key === 'finance' ? key : 'planning';
}

/** Whether the screen is phone-narrow (figures then scroll sideways in their own box). */
const NARROW = '(max-width: 640px)';
function subscribeNarrow(onChange: () => void): () => void {
  const query = typeof matchMedia === 'function' ? matchMedia(NARROW) : undefined;
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}
function isNarrow(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW).matches;
}

function Figure({ figure }: { figure: ShownFigure }) {
  // On a phone the figure scrolls in its box: the box then takes the keyboard (arrow keys scroll it).
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow, () => false);
  return (
    <figure className="report-figure" data-file={figure.figure.fileBase} {...(narrow ? { tabIndex: 0, role: 'group', 'aria-label': figure.label } : {})}>
      {/* The SVG is made by our own code (src/charts/figure.ts), which escapes every text it writes; it is
          exactly the exported figure. The wrapper is the image, labelled with the figure's title. */}
      <div className="report-figure-svg" role="img" aria-label={figure.label} dir="ltr" dangerouslySetInnerHTML={{ __html: figure.svg }} />
    </figure>
  );
}

function sectionTitle(section: ReportSection, t: ReturnType<typeof useI18n>['t']): string {
  switch (section.kind) {
    case 'target':
      return t('cityReport.section.target', { target: section.key });
    case 'local':
      return t('cityReport.section.local');
    case 'unregistered':
      return t('cityReport.section.unregistered');
    default:
      return assertNever(section.kind);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected section ${String(x)}`);
}

/**
 * "Since the last review": choose an earlier version of a dataset in use (the data of the last review,
 * kept in the URL: the overview shows the same); the report then says, per city, how many data points
 * are new or revised, which statuses improved or worsened and which indicators are newly reported,
 * computed with the same registry and method, as a sentence and a table (printed with the report).
 * Nothing is printed before a version is chosen; nothing shown at all when there is none to choose.
 */
function SinceLastReview({
  shown,
  dashboard,
  registry,
  baseline,
  review,
  onSelect,
}: {
  shown: readonly Shown[];
  dashboard: Dashboard;
  registry: Registry;
  baseline: ReviewBaseline;
  review: string | undefined;
  onSelect: ReportPageProps['onSelect'];
}) {
  const { t } = useI18n();
  const { options } = useReview();
  const label = useReviewOptionLabel();
  const diffs = useMemo(() => (baseline.kind === 'ready' ? shown.map((s) => ({ shown: s, diff: reviewDiff(baseline.before, dashboard, s.city.key) })) : []), [baseline, shown, dashboard]);
  if (options.length === 0) return null;
  return (
    <section
      className="report-review"
      id="report-review"
      {...(baseline.kind === 'ready' ? { 'aria-labelledby': 'report-review-title' } : { 'aria-label': t('review.title') })}
      data-testid="report-review"
    >
      <ReviewPicker className="report-screen-only" chosen={review} onChoose={(key) => onSelect({ review: key })} />
      {baseline.kind === 'busy' ? <p className="hint report-screen-only">{t('review.loading')}</p> : null}
      {baseline.kind === 'error' ? (
        <p className="message message-error" role="alert">
          {t('review.failed', { reason: baseline.message })}
        </p>
      ) : null}
      {baseline.kind === 'ready' ? (
        <>
          <h2 id="report-review-title">{t('review.title')}</h2>
          <p className="hint">{t('review.intro', { review: label(baseline.option) })}</p>
          {diffs.map(({ shown: s, diff }) => (
            <div key={s.city.key} className="report-review-city" data-city={s.city.key}>
              <ReviewChanges cityName={s.name} diff={diff} registry={registry} />
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}

/** The annex on its own, as CSV (UTF-8 with BOM) and as an Excel workbook (right-to-left sheet in Arabic). */
function AnnexDownloads({ rows, slug }: { rows: readonly AnnexRow[]; slug: string }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const base = `${slug || 'marsad'}_annex_${lang}`;
  const xlsx = async () => {
    setError(null);
    try {
      // Loaded on demand: the workbook writer is only needed when asked for.
      const { annexXlsxBlob } = await import('@/model/annex-xlsx-browser');
      downloadBlob(await annexXlsxBlob(rows, lang), `${base}.xlsx`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="report-annex-downloads report-screen-only" role="group" aria-label={t('cityReport.annex.downloads')}>
      <button type="button" className="button secondary small" onClick={() => downloadText(annexCsv(rows, lang), `${base}.csv`, 'text/csv;charset=utf-8')}>
        {t('cityReport.annex.csv')}
      </button>
      <button type="button" className="button secondary small" onClick={() => void xlsx()}>
        {t('cityReport.annex.xlsx')}
      </button>
      {error === null ? null : (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Every figure drawn, by its spec (a new figure list makes new specs; the old drawings go with them). */
const DRAWINGS = new WeakMap<CityFigure, ShownFigure>();

/** The drawing of a figure, made once. */
function drawFigure(figure: CityFigure): ShownFigure {
  const known = DRAWINGS.get(figure);
  if (known !== undefined) return known;
  const r = renderFigureSvg(figure.input);
  const label = [figure.input.text.title, figure.input.text.subtitle].filter((x) => x !== '').join('. ');
  const drawn = { figure, raw: r, svg: responsiveSvg(r.svg, r.width, r.height), label };
  DRAWINGS.set(figure, drawn);
  return drawn;
}

/** Drawing time of one step of the report's figures (see Report). */
const STEP_MS = 30;

function sectionId(i: number): string {
  return `report-section-${i}`;
}

/** A text as a CSS string (for `content:`): quotes and backslashes escaped, line breaks and controls dropped. */
function cssString(s: string): string {
  let clean = '';
  for (const ch of s) clean += ch < ' ' || ch === '\u007f' ? ' ' : ch;
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The printed pages' margins: "Page 3 of 40" at the foot of every page (in the report's language and
 * digits: CSS page counters, Arabic-Indic when those are the digits chosen) and a running header with
 * the city and the report's title on every page but the cover (CSS page-margin boxes, Chromium 131+).
 */
function PrintPageStyle({ cityLabel, title }: { cityLabel: string; title: string }) {
  const { t, lang, digits, dir } = useI18n();
  const counter = (name: 'page' | 'pages') => `counter(${name}${lang === 'ar' && digits === 'arab' ? ', arabic-indic' : ''})`;
  // The sentence around the two numbers, in the language's own order ("صفحة ٣ من ٤٠").
  const parts = t('cityReport.print.page', { page: '\uE001', pages: '\uE002' }).split(/(\uE001|\uE002)/);
  const footer = parts
    .filter((p) => p !== '')
    .map((p) => (p === '\uE001' ? counter('page') : p === '\uE002' ? counter('pages') : cssString(p)))
    .join(' ');
  const header = cssString(t('cityReport.print.header', { city: cityLabel, title }));
  const box = `font-family: system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif; font-size: 8pt; color: #4a5563; direction: ${dir};`;
  const css =
    `@media print {\n` +
    `  @page { @bottom-center { content: ${footer}; ${box} } @top-center { content: ${header}; ${box} } }\n` +
    `  @page :first { @top-center { content: none; } }\n` +
    `}\n`;
  return <style data-testid="report-print-style">{css}</style>;
}

/** The table of contents: the summary, each section (SDG goal · target, indicators) and the annex, as links. */
function Contents({ sections, review }: { sections: readonly ReportSection[]; review: boolean }) {
  const { t } = useI18n();
  const go = (id: string) => (e: { preventDefault: () => void }) => {
    // The app routes on the hash: scroll instead of following "#id" (the printed PDF keeps the link).
    e.preventDefault();
    document.getElementById(id)?.scrollIntoView({ block: 'start' });
  };
  return (
    <nav className="report-contents" aria-labelledby="report-contents-title">
      <h2 id="report-contents-title">{t('cityReport.contents.title')}</h2>
      <ol>
        <li>
          <a href="#report-summary" onClick={go('report-summary')}>
            {t('cityReport.summary.title')}
          </a>
        </li>
        {review ? (
          <li>
            <a href="#report-review" onClick={go('report-review')}>
              {t('review.title')}
            </a>
          </li>
        ) : null}
        {sections.map((section, i) => (
          <li key={`${section.kind}:${section.key}`} className={section.goal === undefined ? undefined : 'report-contents-target'}>
            <a href={`#${sectionId(i)}`} onClick={go(sectionId(i))}>
              {section.goal === undefined ? null : <span className="report-goal">{t('cityReport.section.goal', { goal: section.goal })} · </span>}
              <bdi>{sectionTitle(section, t)}</bdi>
            </a>{' '}
            <span className="report-contents-count">({t('cityReport.section.count', { count: section.indicators.length })})</span>
          </li>
        ))}
        <li>
          <a href="#report-annex" onClick={go('report-annex')}>
            {t('cityReport.annex.title')}
          </a>
        </li>
      </ol>
    </nav>
  );
}

function Section({
  id,
  section,
  drawn,
  goalStart,
  shown,
  rendered,
  gapsByCode,
}: {
  id: string;
  section: ReportSection;
  /** The indicators drawn so far (the report draws a few at a time). */
  drawn: ReadonlySet<string>;
  goalStart: boolean;
  shown: readonly Shown[];
  rendered: ReadonlyMap<string | null, ShownFigure>;
  gapsByCode: ReadonlyMap<string, readonly ShownFigure[]>;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const color = section.goal === undefined ? undefined : SDG_COLORS[section.goal];
  return (
    <section id={id} className={goalStart ? 'report-section goal-start' : 'report-section'} aria-labelledby={titleId} data-section={section.key || section.kind}>
      <h2 id={titleId} className="report-section-title">
        {color === undefined ? null : <span className="report-goal-mark" style={{ background: color }} aria-hidden="true" />}
        {section.goal === undefined ? null : <span className="report-goal">{t('cityReport.section.goal', { goal: section.goal })} · </span>}
        <bdi>{sectionTitle(section, t)}</bdi>
      </h2>
      <p className="hint">{t('cityReport.section.count', { count: section.indicators.length })}</p>
      {section.indicators.map((ind) =>
        drawn.has(ind.code) ? (
          <IndicatorBlock
            key={ind.code}
            row={ind}
            shown={shown}
            figure={rendered.get(ind.code)}
            map={rendered.get(`map:${ind.code}`)}
            gaps={gapsByCode.get(ind.code) ?? []}
          />
        ) : null,
      )}
    </section>
  );
}

function IndicatorBlock({ row, shown, figure, map, gaps }: { row: ReportIndicator; shown: readonly Shown[]; figure: ShownFigure | undefined; map: ShownFigure | undefined; gaps: readonly ShownFigure[] }) {
  const { t, lang, digits } = useI18n();
  const titleId = useId();
  const decimals = row.indicator?.decimals;
  return (
    <article className="report-indicator" aria-labelledby={titleId} data-indicator={row.code}>
      <h3 id={titleId}>
        <bdi dir="ltr" className="report-code">
          {row.code}
        </bdi>{' '}
        {row.indicator === undefined ? (dataText(row.ownTitle, lang) ?? null) : localized(row.indicator.title, lang)}
      </h3>
      {figure === undefined ? <p className="muted">{t('cityReport.noFigure')}</p> : <Figure figure={figure} />}
      <div className="report-columns">
        {row.results.map((r, i) => (
          <div key={r.cityKey} className="report-column report-explanation" data-city={r.cityKey}>
            {shown.length > 1 ? (
              <p className="report-column-city">
                <bdi>{shown[i]?.name ?? r.cityKey}</bdi>
              </p>
            ) : null}
            {r.progress === undefined ? (
              <p className="muted">{t('cityReport.notReported')}</p>
            ) : (
              <>
                <StatusBadge status={r.progress.result.status} />
                <p className="report-explanation-title">{t('cityReport.explanation')}</p>
                <ul className="report-sentences">
                  {r.sentences.map((s, k) => (
                    <li key={k}>{formatSentence(s, { lang, digits, decimals })}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ))}
      </div>
      {/* The status explanation stays with its trend; the map and the gaps between groups follow. */}
      {map === undefined ? null : <Figure figure={map} />}
      {gaps.map((g) => (
        <Figure key={g.figure.fileBase} figure={g} />
      ))}
    </article>
  );
}
