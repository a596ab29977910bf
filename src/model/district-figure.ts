import { codeAndName } from './indicator-text';
import { buildDistrictOption, districtChartHeight } from '@/charts/build-district-option';
import type { FigureInput } from '@/charts/figure';
import { dirOf } from '@/i18n/lang';
import { t as translate } from '@/i18n/translate';
import { type FigureContext, footerLines, seriesCsv } from './city-figures';
import { cityDisplayName } from './dashboard-model';
import { districtChartInput, districtModel, districtNumber, hasDistrictPanel, orderText, type SeriesLike } from './district-model';
import { figureFileBase } from './figure-names';
import { shownUnit } from './unit-label';
import { datasetsWith, pickChoice, distinctTexts, layoutOf, seriesChoices, seriesLabel } from './indicator-model';

/**
 * The "by district" chart of the indicator view as an exportable figure: the districts of a city ranked
 * by their latest value of the series shown for the city, with the city as the reference line; framed
 * with title (chart title and indicator), subtitle (city, series, unit) and footer (data sources,
 * datasets, method, date), in `ctx.lang`. The CSV is the canonical long CSV of the city's and the
 * districts' series drawn. File name `port-ruri_11-1-1_districts_en`.
 */

export type DistrictFigure = {
  readonly kind: 'districts';
  readonly indicator: string;
  readonly fileBase: string;
  readonly input: FigureInput;
  readonly csv: () => string;
};

const DEFAULT_WIDTH = 800;

/**
 * The figure of `cityKey` × `indicator` for the series `like` (the indicator page's current choice;
 * undefined: the city's headline). Undefined when the city is unknown or no district has a value.
 */
export function districtFigure(ctx: FigureContext, cityKey: string, indicator: string, like: (SeriesLike & { readonly index?: number }) | undefined): DistrictFigure | undefined {
  const { dashboard, registry, lang, digits } = ctx;
  const city = dashboard.cityByKey.get(cityKey);
  if (city === undefined) return undefined;
  const layout = layoutOf(dashboard);
  const meta = registry.byCode.get(indicator);
  const code = meta?.code ?? indicator;
  const decimals = meta?.decimals;
  // The series the user picked (by index when given), else the city's default: the headline.
  const { choices } = seriesChoices(dashboard, layout, cityKey, code);
  const current = pickChoice(choices, like);
  const model = districtModel(dashboard, layout, city, code, current ?? like, { direction: meta?.direction ?? null, decimals, names: ctx.names, lang });
  if (!hasDistrictPanel(model)) return undefined;

  const tr = (key: Parameters<typeof translate>[1], params: Parameters<typeof translate>[2] = {}) => translate(lang, key, params, { digits });
  const width = ctx.width ?? DEFAULT_WIDTH;
  const cityName = cityDisplayName(city, ctx.names, lang);
  const indicatorTitle = codeAndName(registry, code, lang);
  const unit = shownUnit(meta, current?.unit ?? like?.unit ?? '', current?.result, lang, (key) => translate(lang, key, {}, { digits }));
  const chartInput = districtChartInput(model, { lang, digits, cityName, indicatorTitle, title: '', decimals, width, animate: false, measureText: ctx.measureText });
  const series = current === undefined || (current.key === '' && current.series === '') ? '' : seriesLabel(current, tr('indicator.total'));

  const rows = model.rows.filter((r) => r.rank !== null);
  const sources = distinctTexts(
    model.series.flatMap((s) => {
      const a = layout.starts[s] ?? 0;
      const b = layout.starts[s + 1] ?? a;
      const out: string[] = [];
      for (let i = a; i < b; i++) out.push(layout.table.dict.source[layout.table.source[layout.rows[i] ?? 0] ?? 0] ?? '');
      return out;
    }),
  );
  const datasetNames = [city, ...rows.map((r) => r.district)].flatMap((place) => datasetsWith(ctx.datasets, registry, place.key, code));
  const footer = [
    model.cityLatest === null
      ? tr('indicator.districts.noCityValue', { city: cityName })
      : tr('indicator.districts.descriptionCity', { city: cityName, value: districtNumber(model.cityLatest.value, { lang, digits, decimals }), year: model.cityLatest.year }),
    orderText(model.direction, { lang, digits }),
    ...(rows.some((r) => r.otherYear) && model.cityLatest !== null ? [tr('indicator.districts.otherYear', { city: cityName, year: model.cityLatest.year })] : []),
    ...(sources.length > 0 ? [tr('figure.footer.dataSource', { sources: sources.join('; ') })] : []),
    ...footerLines(ctx, datasetNames),
  ];

  return {
    kind: 'districts',
    indicator: code,
    fileBase: figureFileBase({ city: cityDisplayName(city, ctx.names, 'en'), cityCode: city.code, indicator: code, kind: 'districts', lang }),
    input: {
      lang,
      dir: dirOf(lang),
      width,
      chartHeight: districtChartHeight(chartInput),
      option: buildDistrictOption(chartInput),
      text: { title: `${tr('indicator.districts.chartTitle')} — ${indicatorTitle}`, subtitle: [cityName, series, unit].filter((s) => s !== '').join(' · '), footer },
      ...(ctx.measureText === undefined ? {} : { measureText: ctx.measureText }),
    },
    csv: () => seriesCsv(dashboard, model.series),
  };
}
