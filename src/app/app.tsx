import { type ComponentType, lazy, type ReactNode, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { usePreparedDashboard } from '@/ui/use-dashboard';
import { BoundaryContext } from '@/ui/boundary-context';
import { ReportCoverContext } from '@/ui/report-cover-context';
import { ReviewContext, type ReviewSettings } from '@/ui/review-context';
import { applyMerges } from '@/model/gazetteer';
import { useBoundaryFiles } from './use-boundary-files';
import { chosenSeries, headlineOverrides } from '@/model/headline-choices';
import { HeadlineContext, type HeadlineSettings } from '@/ui/headline-context';
import { I18nProvider, useI18n } from '@/i18n/i18n-context';
import { loadEnglishViews, useLoadedLang } from '@/i18n/load-lang';
import { type Digits, dirOf, type Lang, LANG_NAMES, LANGS } from '@/i18n/lang';
import { loadBundledRegistry } from '@/ingest/bundled-registry';
import type { LoadedDataset } from '@/storage/dataset-record';
import { ErrorBoundary } from './error-boundary';
import { loadPublished } from './load-built-in';
import { NoticeList, RegistryBanner } from './notices';
import { UndoToast } from './undo-toast';
import { type AppData, useAppData } from './use-app-data';
import { useUrlState } from './use-url-state';
import { formatHash, type UrlState, type View } from '@/model/url-state';
import { PROGRESS_METHODS, type ProgressMethod } from '@/domain/progress/types';
import { type Registry, withDatasetIndicators } from '@/domain/registry';

/** A view's chunk, with the English words of the views other than the overview (`loadEnglishViews`). */
const withViewWords = <M,>(chunk: Promise<M>): Promise<M> => Promise.all([chunk, loadEnglishViews()]).then(([m]) => m);

// The views carry ECharts and the progress engine (most of the JavaScript): each is loaded on demand,
// so the shell paints first. The overview says only what the first part of the English catalogue holds.
const VIEW_CHUNKS = {
  overview: () => import('@/features/overview/overview-page'),
  indicator: () => withViewWords(import('@/features/indicator/indicator-page')),
  compare: () => withViewWords(import('@/features/compare/compare-page')),
  nua: () => withViewWords(import('@/features/nua/nua-page')),
  report: () => withViewWords(import('@/features/report/report-page')),
  data: () => withViewWords(import('./data-view')),
} as const satisfies Record<View, () => Promise<unknown>>;
/**
 * A view loaded on demand that renders at once once its chunk is in (the app fetches the URL's view
 * while the data loads): React.lazy alone suspends on its first render even then, and React holds back
 * the content after a fallback by up to 300 ms, which delayed the first chart of a first visit.
 */
function preloaded<P extends object>(load: () => Promise<ComponentType<P>>): { View: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  const Lazy = lazy(() => load().then((component) => ({ default: (loaded = component) })));
  return {
    View: function View(props: P) {
      const [Component] = useState(() => loaded ?? Lazy);
      return <Component {...props} />;
    },
    preload: () => load().then((component) => (loaded = component)),
  };
}
const VIEWS = {
  overview: preloaded(() => VIEW_CHUNKS.overview().then((m) => m.OverviewPage)),
  indicator: preloaded(() => VIEW_CHUNKS.indicator().then((m) => m.IndicatorPage)),
  compare: preloaded(() => VIEW_CHUNKS.compare().then((m) => m.ComparePage)),
  nua: preloaded(() => VIEW_CHUNKS.nua().then((m) => m.NuaPage)),
  report: preloaded(() => VIEW_CHUNKS.report().then((m) => m.ReportPage)),
  // The Data view (import, datasets, places, boundary files, workspace) is a chunk of its own too.
  data: preloaded(() => VIEW_CHUNKS.data().then((m) => m.DataView)),
} satisfies Record<View, unknown>;
/** Fetches a view's code (at the app's start, for the view the link names). */
export function preloadView(view: View): void {
  // A failure here is left to the view's own load (its error boundary says so).
  VIEWS[view].preload().catch(() => undefined);
}
const OverviewPage = VIEWS.overview.View;
const IndicatorPage = VIEWS.indicator.View;
const ComparePage = VIEWS.compare.View;
const NuaPage = VIEWS.nua.View;
const ReportPage = VIEWS.report.View;
const DataView = VIEWS.data.View;
const EmbedPage = lazy(() => withViewWords(import('@/features/embed/embed-page')).then((m) => ({ default: m.EmbedPage })));

/** The views in the navigation, in order. */
const NAV_VIEWS = ['overview', 'indicator', 'compare', 'nua', 'report', 'data'] as const satisfies readonly View[];

function browserLang(): Lang {
  const tags = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGS.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

/** The app: language and URL state, data, and the shell around the two views. */
export function App() {
  const [url, setUrl] = useUrlState();
  const data = useAppData(url.asPublished);
  const wantedLang: Lang = url.lang ?? data.settings.lang ?? browserLang();
  // A language shows once its catalogue is loaded (English is in the entry; the others are fetched when chosen).
  const lang = useLoadedLang(wantedLang);
  const digits: Digits = data.settings.digits ?? 'latn';
  const [digitsChoice, setDigitsChoice] = useState<Digits | undefined>(undefined);
  const effectiveDigits = digitsChoice ?? digits;

  // Once settings are known, the URL always carries the language (so a shared link keeps it).
  useEffect(() => {
    if (data.ready && url.lang === undefined) setUrl({ ...url, lang: wantedLang });
  }, [data.ready, url, wantedLang, setUrl]);

  // The view's code is fetched while the data loads (the view renders only once the data is there).
  useEffect(() => {
    if (url.embed !== true) preloadView(url.view);
  }, [url.view, url.embed]);

  useEffect(() => {
    if (lang === undefined) return;
    const root = document.documentElement;
    root.lang = lang;
    root.dir = dirOf(lang);
  }, [lang]);

  if (lang === undefined) return null;
  return (
    <I18nProvider lang={lang} digits={effectiveDigits}>
      <Shell
        url={url}
        setUrl={setUrl}
        data={data}
        onLang={(next) => {
          setUrl({ ...url, lang: next });
          data.saveSetting('lang', next);
        }}
        onDigits={(next) => {
          setDigitsChoice(next);
          data.saveSetting('digits', next);
        }}
      />
    </I18nProvider>
  );
}

const registryLoad = loadBundledRegistry();

/** The same view of the current data (not an archived publication). */
function currentData(url: UrlState): UrlState {
  const { asPublished: _archive, ...rest } = url;
  return rest;
}

/** Shows its children once the dashboard model of the datasets is ready (suspends meanwhile; see usePreparedDashboard). */
function DashboardReady({ datasets, registry, method, children }: { datasets: readonly LoadedDataset[]; registry: Registry; method: ProgressMethod; children: ReactNode }) {
  usePreparedDashboard(datasets, registry, method);
  return children;
}

function Loading({ text }: { text: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {text}
    </p>
  );
}

function Shell({ url, setUrl, data, onLang, onDigits }: { url: UrlState; setUrl: (s: UrlState) => void; data: AppData; onLang: (l: Lang) => void; onDigits: (d: Digits) => void }) {
  const { t, lang, digits, formatDay } = useI18n();
  const langId = useId();
  const digitsId = useId();
  const methodId = useId();
  const [registryDismissed, setRegistryDismissed] = useState(false);
  const [pendingDelete, setPendingDelete] = useState<LoadedDataset | null>(null);
  const mainRef = useRef<HTMLElement | null>(null);
  const previousView = useRef(url.view);

  useEffect(() => {
    document.title = t('app.documentTitle');
  }, [t]);

  // After a change of view, move focus to the new page's heading (as a page load would).
  useEffect(() => {
    if (previousView.current === url.view) return;
    previousView.current = url.view;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [url.view]);

  // Selections inside a view replace the current history entry (setUrl does, for the same view).
  const onSelect = useCallback((s: Partial<Pick<UrlState, 'city' | 'cities' | 'indicator' | 'review'>>) => setUrl({ ...url, ...s }), [url, setUrl]);
  const method: ProgressMethod = url.method ?? 'opensdg';
  const hrefFor = useCallback((s: Partial<UrlState>) => formatHash({ ...url, lang, ...s }), [url, lang]);
  // What every dashboard view gets; each adds the URL fields it reads.
  // The registry, plus the indicators it does not know as the datasets' own metadata describes them (titles, units).
  const registry = useMemo(() => withDatasetIndicators(registryLoad.registry, data.datasets.flatMap((d) => (d.parts ?? [d]).map((p) => p.metadata))), [data.datasets]);
  const viewProps = { datasets: data.datasets, registry, cityNames: data.cityNames, method, hrefFor, onSelect };
  // The headline series chosen for the datasets in use: every view's dashboard model computes with them.
  const { headlineChoices, activeDatasetIds, chooseHeadline } = data;
  const headlines = useMemo((): HeadlineSettings => {
    const overrides = headlineOverrides(headlineChoices, activeDatasetIds, registryLoad.registry);
    return {
      overrides,
      key: JSON.stringify(overrides),
      chosen: (indicator) => chosenSeries(headlineChoices, activeDatasetIds, indicator),
      choose: (indicator, series) => void chooseHeadline(indicator, series),
    };
  }, [headlineChoices, activeDatasetIds, chooseHeadline]);
  // Every view opens on the observatory's own city unless the URL names one.
  const city = url.city ?? data.homeCity;
  const homeCityName = data.homeCity === undefined ? undefined : (data.cityNames[data.homeCity]?.[lang === 'ar' ? 'ar' : 'en'] ?? data.homeCity);

  const onDelete = async (id: string) => {
    const removed = await data.deleteDataset(id);
    if (removed) setPendingDelete(removed);
  };
  const onUndo = async () => {
    if (pendingDelete === null) return;
    const d = pendingDelete;
    setPendingDelete(null);
    await data.restoreDataset(d);
  };
  const { purgeDeleted } = data;
  const onExpire = useCallback(() => {
    setPendingDelete(null);
    purgeDeleted();
  }, [purgeDeleted]);

  // The Data view's place list reads the datasets in use as saved (merged places keep their own entry there).
  const placeTables = useMemo(() => data.library.filter((d) => d.included).map((d) => d.table), [data.library]);
  const { reportCovers, saveReportCovers, library, readVersion } = data;
  // Earlier versions of the datasets in use, and the site's earlier publications, to compare with ("since the last review").
  const { publication } = data;
  const archives = useMemo(() => (publication?.asPublished === undefined ? (publication?.archives ?? []) : []), [publication]);
  const review = useMemo((): ReviewSettings => {
    const inUse = library.filter((d) => d.included);
    const versions = inUse.filter((d) => d.source === 'upload').flatMap((d) => d.history.map((h) => ({ datasetId: d.id, name: d.name, number: h.number, importedAt: h.importedAt })));
    const published = [...archives].reverse().map((a) => ({ datasetId: '', name: a, number: 0, importedAt: 0, archive: a }));
    return {
      options: [...versions, ...published],
      load: async ({ datasetId, number, archive }) => {
        if (archive !== undefined) {
          // The data as that publication had it: its datasets alone.
          const p = await loadPublished(archive);
          if (p.datasets.length === 0) return { ok: false, message: p.manifestProblem ?? p.problems[0] ?? `data/archive/${archive}/` };
          return { ok: true, tables: p.datasets.map((d) => applyMerges(d.table, data.gazetteer)) };
        }
        const version = await readVersion(datasetId, number);
        if (!version.ok) return version;
        return { ok: true, tables: inUse.map((d) => (d.id === datasetId ? version.table : applyMerges(d.table, data.gazetteer))) };
      },
    };
  }, [library, readVersion, data.gazetteer, archives]);
  const coverSettings = useMemo(() => ({ covers: reportCovers, save: saveReportCovers }), [reportCovers, saveReportCovers]);
  const allBoundarySets = useMemo(() => [...data.boundarySets, ...data.publishedBoundarySets], [data.boundarySets, data.publishedBoundarySets]);
  const boundaryFiles = useBoundaryFiles({ sets: data.boundarySets, save: data.saveBoundarySets, tables: placeTables, gazetteer: data.gazetteer, names: data.cityNames });
  const href = (view: UrlState['view']) => formatHash({ ...url, view, lang });
  const problems = registryLoad.problems;

  // An embedded chart (#/embed/indicator?…): the figure alone, for an <iframe> on another site.
  if (url.embed === true)
    return data.loading !== null ? (
      <main className="embed">
        <p>{t(data.loading)}</p>
      </main>
    ) : (
      <HeadlineContext.Provider value={headlines}>
        <Suspense fallback={null}>
          <EmbedPage
            datasets={data.datasets}
            registry={registry}
            cityNames={data.cityNames}
            method={method}
            view={url.view}
            city={url.city}
            indicator={url.indicator}
            fullHref={`${location.pathname}${formatHash({ ...url, embed: false, lang })}`}
          />
        </Suspense>
      </HeadlineContext.Provider>
    );

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash is the router's: move focus without navigating.
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToMain')}
      </a>
      <header className="app-header">
        <div className="brand">
          <svg className="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
            <circle cx="16" cy="16" r="15" fill="#0f4c75" />
            <path d="M7 22 L13 14 L18 18 L25 9" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <p className="brand-name">
            <span lang="en">{t('app.name')}</span>
            <span className="brand-sep" aria-hidden="true"> / </span>
            <span lang="ar" dir="rtl">
              {t('app.nameAr')}
            </span>
          </p>
          <p className="brand-tagline">{t('app.tagline')}</p>
        </div>
        <nav aria-label={t('nav.label')} className="main-nav">
          <ul>
            {NAV_VIEWS.map((v) => (
              <li key={v}>
                <a href={href(v)} aria-current={url.view === v ? 'page' : undefined}>
                  {t(`nav.${v}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings">
          <div className="field compact">
            <label htmlFor={langId}>{t('settings.language')}</label>
            <select id={langId} value={lang} onChange={(e) => onLang(LANGS.find((l) => l === e.target.value) ?? 'en')}>
              {LANGS.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANG_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="field compact">
            <label htmlFor={methodId}>{t('method.label')}</label>
            <select id={methodId} value={method} onChange={(e) => setUrl({ ...url, method: PROGRESS_METHODS.find((m) => m === e.target.value) ?? 'opensdg' })}>
              {PROGRESS_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`method.${m}`)}
                </option>
              ))}
            </select>
          </div>
          {lang === 'ar' ? (
            <div className="field compact">
              <label htmlFor={digitsId}>{t('settings.digits')}</label>
              <select id={digitsId} value={digits} onChange={(e) => onDigits(e.target.value === 'arab' ? 'arab' : 'latn')}>
                <option value="latn">{t('settings.digits.latn')}</option>
                <option value="arab">{t('settings.digits.arab')}</option>
              </select>
            </div>
          ) : null}
        </div>
      </header>

      <div className="banners">
        {problems.length > 0 && !registryDismissed ? <RegistryBanner problems={problems} onDismiss={() => setRegistryDismissed(true)} /> : null}
        <NoticeList notices={data.notices} onDismiss={data.dismissNotice} />
        {data.builtInKind === 'demo' ? (
          <div className="banner banner-demo" role="note">
            <p>
              <strong className="demo-label">{t('builtin.demoLabel')}</strong> {t('builtin.demoNote')}
            </p>
          </div>
        ) : null}
        {data.publication?.asPublished !== undefined ? (
          <div className="banner banner-archive" role="note" data-testid="as-published">
            <p>
              <strong>{t('publication.asPublished', { date: formatDay(data.publication.asPublished) })}</strong> {t('publication.asPublishedNote')}{' '}
              <a href={formatHash({ ...currentData(url), lang })}>{t('publication.showCurrent')}</a>
            </p>
          </div>
        ) : data.builtInKind === 'published' ? (
          <div className="banner banner-info" role="note" data-testid="published-banner">
            <p>
              <strong>{t('builtin.publishedLabel')}</strong>
              {data.publication?.date !== undefined ? ` · ${t('builtin.publishedDate', { date: formatDay(data.publication.date) })}` : ''}
              {data.datasets.some((d) => (d.parts ?? [d]).some((p) => p.source === 'upload')) ? ` · ${t('builtin.withLocal')}` : ''}
            </p>
          </div>
        ) : null}
      </div>

      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {data.loading !== null ? <Loading text={t(data.loading)} /> : null}
        {url.view !== 'data' ? (
          data.loading === null ? (
            <ErrorBoundary resetKey={`${url.view}:${lang}`}>
              <HeadlineContext.Provider value={headlines}>
              <BoundaryContext.Provider value={allBoundarySets}>
              <ReportCoverContext.Provider value={coverSettings}>
              <ReviewContext.Provider value={review}>
              <Suspense fallback={<Loading text={t('loading.data')} />}>
                <DashboardReady datasets={viewProps.datasets} registry={viewProps.registry} method={viewProps.method}>
                {url.view === 'overview' ? (
                  <OverviewPage {...viewProps} city={city} review={url.review} dataHref={href('data')} />
                ) : url.view === 'indicator' ? (
                  <IndicatorPage {...viewProps} city={city} cities={url.cities} indicator={url.indicator} />
                ) : url.view === 'compare' ? (
                  <ComparePage {...viewProps} cities={url.cities} indicator={url.indicator} />
                ) : url.view === 'report' ? (
                  <ReportPage {...viewProps} city={city} cities={url.cities} review={url.review} />
                ) : (
                  <NuaPage {...viewProps} city={city} cities={url.cities} />
                )}
                </DashboardReady>
              </Suspense>
              </ReviewContext.Provider>
              </ReportCoverContext.Provider>
              </BoundaryContext.Provider>
              </HeadlineContext.Provider>
            </ErrorBoundary>
          ) : null
        ) : (
          <Suspense fallback={<Loading text={t('loading.data')} />}>
            <DataView
              data={data}
              registry={registry}
              placeTables={placeTables}
              boundaryFiles={boundaryFiles}
              onDelete={(id) => void onDelete(id)}
              publicationHref={(archive) => formatHash({ ...currentData(url), view: 'overview', lang, ...(archive === undefined ? {} : { asPublished: archive }) })}
              {...(homeCityName !== undefined ? { homeCityName } : {})}
            />
          </Suspense>
        )}
      </main>

      <div className="toast-region" aria-live="polite">
        {pendingDelete ? <UndoToast key={pendingDelete.id} name={pendingDelete.name} onUndo={() => void onUndo()} onExpire={onExpire} /> : null}
      </div>

      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
