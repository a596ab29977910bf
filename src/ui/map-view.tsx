import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { buildMapOption, mapChartHeight } from '@/charts/build-map-option';
import type { MeasureText } from '@/charts/chart-text';
import { useElementWidth } from '@/charts/chart-view';
import { ensureMap } from '@/charts/map-registry';
import { useEcharts } from '@/charts/use-echarts';
import { useI18n } from '@/i18n/i18n-context';
import { CLASS_METHODS, type ClassMethod, classColor } from '@/model/map-classes';
import { type MapFigureOptions, mapChartInput, mapNameOf, mapYearText, regionTip } from '@/model/map-figure';
import type { MapMode, MapModel, MapYear } from '@/model/map-model';
import type { BoundarySet } from '@/storage/boundary-record';
import type { ExportableFigure } from './figure-export-menu';
import { FigureExportMenu } from './figure-export-menu';
import './map-view.css';

export type MapViewProps = {
  /** The boundary sets that can draw this map, best first (the user picks when there are several). */
  sets: readonly BoundarySet[];
  /** The colourings offered (districts: value, compared with the city, status; cities: value, status). */
  modes: readonly MapMode[];
  /** The model of a set with the options chosen, and the decimals its numbers are shown with. */
  model: (set: BoundarySet, options: MapFigureOptions) => { model: MapModel; decimals: number };
  /** The exportable figure of the same map. */
  figure: (set: BoundarySet, options: MapFigureOptions) => ExportableFigure | undefined;
  /** The city compared with ('' for a map of cities), the indicator and the unit as the page shows them. */
  cityName: string;
  indicatorTitle: string;
  unit: string;
  /** The place named when no shape matches ("Bristol", "the cities"). */
  emptyPlace: string;
  heading: string;
  caption: string;
  measureText?: MeasureText | undefined;
  testId: string;
};

const CLASS_COUNT = 5;

/**
 * A choropleth with its controls (boundary set, colouring, year, classes), its reason when nothing can
 * be coloured, the keyboard walk (arrow keys go from shape to shape, showing each one's tooltip;
 * Escape hides it), the export menu and the table that is its accessible alternative. Shared by the
 * indicator view's district map and the compare view's map of cities.
 */
export function MapView({ sets, modes, model: modelOf, figure, cityName, indicatorTitle, unit, emptyPlace, caption, heading, measureText, testId }: MapViewProps) {
  const { t, lang, digits, formatNumber } = useI18n();
  const headingId = useId();
  const hintId = useId();
  const [setId, setSetId] = useState<string | undefined>(undefined);
  const [mode, setMode] = useState<MapMode>('value');
  const [year, setYear] = useState<MapYear>('latest');
  const [method, setMethod] = useState<ClassMethod>('quantile');
  const set = sets.find((s) => s.id === setId) ?? sets[0];
  const [box, rawWidth] = useElementWidth<HTMLDivElement>();
  const width = Math.floor(rawWidth / 20) * 20;
  const model = useMemo(() => (set === undefined ? null : modelOf(set, { mode, year, method, classCount: CLASS_COUNT })), [set, mode, year, method, modelOf]);

  const chart = useMemo(() => {
    if (model === null || set === undefined || model.model.empty !== null) return null;
    ensureMap(mapNameOf(set), set.features);
    const input = mapChartInput(model.model, set, {
      lang,
      digits,
      cityName,
      indicatorTitle,
      unit,
      title: '',
      decimals: model.decimals,
      ...(width > 0 ? { width } : {}),
      measureText,
    });
    return { option: buildMapOption(input), height: mapChartHeight(input) };
  }, [model, set, lang, digits, cityName, indicatorTitle, unit, width, measureText]);

  const buildFigure = useMemo(() => {
    if (chart === null || set === undefined) return null;
    return () => figure(set, { mode, year, method, classCount: CLASS_COUNT });
  }, [chart, set, figure, mode, year, method]);

  const { ref, chart: instance } = useEcharts(chart?.option ?? null);
  const focused = useRef(-1);
  useEffect(() => {
    focused.current = -1;
  }, [chart]);

  // The chart's box stays mounted (hidden) whatever is shown, so the chart starts when it has something to draw.
  const chartBox = (
    <div ref={box} className="map-box" style={chart === null ? { display: 'none' } : { blockSize: `${chart.height}px` }}>
      {/* The chart box takes the keyboard: arrows walk the districts (tooltip and outline). */}
      <div
        ref={ref}
        dir="ltr"
        className="chart chart-fill map-chart"
        data-testid="map-chart"
        tabIndex={chart === null ? -1 : 0}
        aria-describedby={hintId}
        aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Escape"
        title={t('map.keyboardHint')}
        onKeyDown={(e) => onKeyDown(e)}
      />
    </div>
  );
  if (set === undefined || model === null) return null;
  const m = model.model;
  const fmt = (v: number) => formatNumber(v, { decimals: model.decimals });
  const fmtYear = (y: number) => formatNumber(y, { grouping: false, decimals: 0 });

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const chartInstance = instance.current;
    const m = model?.model;
    if (chartInstance === null || m === undefined || m.regions.length === 0) return;
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 && e.key !== 'Escape') return;
    e.preventDefault();
    if (focused.current >= 0) chartInstance.dispatchAction({ type: 'downplay', seriesIndex: 0, dataIndex: focused.current });
    if (e.key === 'Escape') {
      chartInstance.dispatchAction({ type: 'hideTip' });
      focused.current = -1;
      return;
    }
    const n = m.regions.length;
    focused.current = ((focused.current < 0 ? (step > 0 ? -1 : 0) : focused.current) + step + n) % n;
    chartInstance.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: focused.current });
    chartInstance.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: focused.current });
  }

  const emptyText =
    m.empty === 'no_match'
      ? t('map.empty.no_match', { shapes: set.features.length, set: set.name, city: emptyPlace })
      : m.empty === 'no_district_data'
        ? t('map.empty.no_district_data', { city: emptyPlace })
        : m.empty === 'no_data_in_year'
          ? t('map.empty.no_data_in_year', { year: m.year === 'latest' ? '' : fmtYear(m.year) })
          : '';
  const text = { lang, digits, cityName, indicatorTitle, unit, title: '', decimals: model.decimals };

  return (
    <section className="map-panel" aria-labelledby={headingId} data-testid={testId}>
      <h4 id={headingId}>{heading}</h4>
      <div className="map-controls">
        {sets.length > 1 ? (
          <label>
            {t('map.set.label')}{' '}
            <select value={set.id} onChange={(e) => setSetId(e.target.value)}>
              {sets.map((s) => (
                <option key={s.id} value={s.id}>
                  {[s.name, s.date].filter((x) => x !== '' && !(x === s.date && s.name.includes(s.date))).join(', ')}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('map.mode.label')}{' '}
          <select value={mode} onChange={(e) => setMode(modes.find((x) => x === e.target.value) ?? 'value')} data-testid="map-mode">
            {modes.map((x) => (
              <option key={x} value={x}>
                {t(`map.mode.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('map.year.label')}{' '}
          <select value={String(m.year)} onChange={(e) => setYear(e.target.value === 'latest' ? 'latest' : Number(e.target.value))} data-testid="map-year">
            <option value="latest">{t('map.year.latest')}</option>
            {[...m.years].reverse().map((y) => (
              <option key={y} value={String(y)}>
                {fmtYear(y)}
              </option>
            ))}
          </select>
        </label>
        {mode === 'value' ? (
          <label>
            {t('map.method.label')}{' '}
            <select value={method} onChange={(e) => setMethod(CLASS_METHODS.find((x) => x === e.target.value) ?? 'quantile')}>
              {CLASS_METHODS.map((x) => (
                <option key={x} value={x}>
                  {t(`map.method.${x}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {chart === null ? (
        <p className="map-note" role="status" data-testid="map-empty">
          {emptyText}
        </p>
      ) : (
        <p id={hintId} className="map-hint">
          {m.withData === m.regions.length ? t('map.coverageAll', { total: m.regions.length }) : t('map.coverage', { count: m.withData, total: m.regions.length })}
          {m.join.placesWithoutShape.length > 0 ? ` ${t('map.withoutShape', { count: m.join.placesWithoutShape.length })}` : ''}
        </p>
      )}
      {chartBox}
      {chart === null ? null : (
        <>
          <FigureExportMenu build={buildFigure} />
          <details className="data-table map-table">
            <summary>{t('map.table.heading')}</summary>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('map.table.heading')}>
              <table>
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('map.table.district')}</th>
                    <th scope="col" className="num">
                      {t('map.table.value')}
                    </th>
                    <th scope="col">{t('map.table.year')}</th>
                    <th scope="col">{t('map.table.class')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.regions.map((r) => {
                    const words = regionTip(m, r, text).slice(2).join(' ');
                    return (
                      <tr key={r.feature} data-has-data={r.value !== null}>
                        <th scope="row">{r.name}</th>
                        <td className="num">{r.value === null ? '—' : <bdi dir="ltr">{fmt(r.value)}</bdi>}</td>
                        <td>{r.year === null ? '—' : <bdi dir="ltr">{mapYearText(r.year, text)}</bdi>}</td>
                        <td>
                          {m.mode === 'value' && r.klass >= 0 ? <span className="map-swatch" style={{ backgroundColor: classColor(r.klass, m.classes.length) }} aria-hidden="true" /> : null}
                          {r.value === null ? t('map.legend.noData') : words}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
