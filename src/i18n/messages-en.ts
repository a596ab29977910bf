/**
 * The English catalogue: the source of every UI string. Keys are dotted and name the place they are
 * used. Plural messages come as `key_one` / `key_other` (Intl.PluralRules categories); `t(lang, 'key',
 * { count })` picks the form. Placeholders are `{name}`; numbers passed as params are formatted.
 *
 * It comes in two parts: this file holds what the app's shell and the overview say (the first load, issue
 * 14 §4), `messages-en-views.ts` everything else, fetched with the other views (`load-lang.ts`). The
 * first-load test fails when the first load's code names a key of the views' part.
 */
import type { enViews } from './messages-en-views';

export const en = {
  'app.name': 'Marsad',
  'app.nameAr': 'مرصد',
  'app.tagline': 'SDG 11 and New Urban Agenda indicators',
  'app.documentTitle': 'Marsad — urban observatory dashboard',
  'app.skipToMain': 'Skip to main content',
  'app.footer': 'Marsad is open source. Data you load stays in this browser.',

  'nav.label': 'Main',
  'nav.overview': 'Overview',
  'nav.indicator': 'Indicator',
  'nav.compare': 'Compare cities',
  'nav.nua': 'NUA priorities',
  'nav.data': 'Data',

  'settings.language': 'Language',
  'settings.digits': 'Digits',
  'settings.digits.latn': 'Latin (123)',
  'settings.digits.arab': 'Arabic-Indic (١٢٣)',

  'loading.data': 'Loading data…',
  'loading.published': 'Loading the published datasets…',
  'loading.demo': 'Loading the illustrative demo data…',

  'error.title': 'Something went wrong',
  'error.body': 'This part of the page could not be shown. Your saved data is safe.',
  'error.retry': 'Try again',

  'registry.title': 'Some indicator definitions could not be loaded',
  'registry.intro': 'These files in indicators/ were left out. Data for their indicators is still imported, without titles or targets.',
  'registry.dismiss': 'Dismiss',

  'storage.unavailable': 'Saving is not available in this browser (private window or storage turned off). You can load and view files, but they will not be kept after you close the page.',
  'storage.quota': 'The browser has no storage space left for this site. Delete a dataset you no longer need, or free disk space, then import again. Nothing was saved.',
  'storage.failed': 'The dataset could not be saved ({reason}). Nothing was saved.',
  'storage.skipped_one': '{count} saved dataset could not be read and was skipped.',
  'storage.skipped_other': '{count} saved datasets could not be read and were skipped.',
  'storage.deleteFailed': 'The dataset could not be deleted ({reason}).',

  'builtin.demoLabel': 'Illustrative data — fictional cities',
  'builtin.demoNote': 'These values are invented to show how Marsad works. Load your own files on the Data page.',
  'builtin.publishedLabel': 'Published data',
  'builtin.failed': 'The built-in data could not be loaded ({reason}).',
  'builtin.manifestInvalid': 'data/manifest.json is not valid and was ignored: {problem}',
  'builtin.publishedDate': 'as of {date}',
  'builtin.withLocal': 'with your own datasets, only on this computer',
  'publication.archiveMissing': 'This site has no publication of {date} (data/archive/{date}/manifest.json was not found).',
  'publication.asPublished': 'As published on {date}',
  'publication.asPublishedNote': 'An earlier publication of this site, read-only; the datasets on this computer are not shown.',
  'publication.showCurrent': 'Show the current data',

  'overview.title': 'City overview',
  'overview.city': 'City',
  'picker.placeholder': 'Type a name or code',
  'picker.suggestions': '{label}: suggestions',
  'picker.group.city': 'Cities',
  'picker.group.district': 'Districts',
  'picker.group.districtOf': 'Districts of {parent}',
  'picker.group.region': 'Regions',
  'picker.group.country': 'Countries',
  'picker.group.aggregate': 'Other areas (World, totals…)',
  'picker.narrow': 'Type to narrow: {shown} of {total} shown',
  'picker.noMatch': 'No place matches “{query}”.',
  'picker.count_one': '{count} place',
  'picker.count_other': '{count} places',
  'overview.noData': 'No data is loaded yet.',
  'overview.goToData': 'Load data',
  'overview.noTarget': 'No numeric target',

  'places.unreadable': 'The saved place names and merges could not be read ({problem}); they were left out.',
  'boundaries.unreadable': 'Some saved boundary files could not be read ({problem}); they were left out.',

  'status.target_achieved': 'Target achieved',
  'status.on_track': 'On track',
  'status.acceleration_needed': 'Progress made but acceleration needed',
  'status.limited_progress': 'Limited progress',
  'status.deterioration': 'Deterioration',
  'status.insufficient_data': 'Insufficient data',
  'method.label': 'Progress method',
  'method.opensdg': 'Open SDG (Statistics Canada)',
  'method.unsd': 'UN progress chart',
  'method.sdsn': 'SDSN dashboard',
  'nua.commitment.inclusion_poverty': 'Social inclusion and ending poverty',
  'nua.commitment.prosperity': 'Urban prosperity and opportunities for all',
  'nua.commitment.environment_resilience': 'Environmentally sustainable and resilient urban development',
  'nua.priority.governance': 'Governance',
  'nua.priority.planning': 'Planning and design',
  'nua.priority.finance': 'Finance',

  // --- city overview view (overview.*) ---
  'link.dataElsewhere': 'A link names places that are not in the data this browser has. If it was made on another computer, the data may be saved only there: ask whoever sent it to publish the data with the site, or to send their workspace file (Data → Export workspace).',
  'overview.cityMissing': 'There is no data for “{city}”. Showing {shown} instead.',
  'overview.summaryTitle': '{city}: where it stands',
  'overview.coverage': 'Indicators reported: {reported} of {total} ({percent})',
  'overview.methodNote': 'Method: {method}',
  'overview.statusCount': '{status}: {count}',
  'overview.barLabel': 'Indicators by status: {list}',
  'overview.countsLabel': 'Number of indicators by status',
  'overview.meanScore': 'Mean score: {score} (indicators with a score: {count}).',
  'overview.meanScoreNone': 'No indicator has a score.',
  'overview.scoreScale.opensdg': 'Scores run from {low} (moving away from the target) to {high} (on track or achieved).',
  'overview.scoreScale.unsd': 'Scores run from {low} (deterioration) to {high} (target achieved), one band per status.',
  'overview.scoreScale.sdsn': 'Scores place the latest value on a {low}–{high} scale ({high} = the optimum).',
  'overview.indicatorsTitle': 'Indicators',
  'overview.groupBy': 'Group by',
  'overview.groupBy.target': 'SDG target',
  'overview.groupBy.commitment': 'NUA commitment',
  'overview.groupBy.priority': 'NUA priority',
  'overview.commitmentNote': 'An indicator that serves two commitments is listed under each.',
  'overview.group.target': 'Target {target}',
  'overview.group.local': 'Local indicators (no SDG target)',
  'overview.group.unregistered': 'Not in the indicator registry',
  'overview.groupCount_one': '{count} indicator',
  'overview.groupCount_other': '{count} indicators',
  'overview.tableCaption': 'Indicators of {city}, grouped by {grouping}',
  'overview.col.indicator': 'Indicator',
  'overview.col.status': 'Status',
  'overview.col.trend': 'Trend',
  'overview.col.latest': 'Latest value',
  'overview.col.target': 'Target',
  'overview.col.score': 'Score',
  'overview.untitled': 'Indicator not in the registry',
  'overview.noTrend': 'No trend',
  'overview.noValue': 'No value',
  'overview.noScore': 'No score',
  'overview.inYear': 'in {year}',
  'overview.byYear': 'by {year}',
  'overview.sparkline': 'Trend from {first} to {last}: {firstValue} to {lastValue} {unit}',
  'overview.sparklineOne': 'One value, in {year}: {value} {unit}',
  'overview.coverageTitle': 'Reporting coverage',
  'overview.coverageLine': 'Registry indicators with data for this city: {reported} of {total}.',
  'overview.gapsIntro': 'Registry indicators without data for {city}:',
  'overview.gapsNone': 'Every registry indicator has data for {city}.',
  'overview.unregisteredNote': 'Indicators in the data but not in the registry (no title, target or NUA tags): {count}.',

  // --- indicator view (indicator.*) ---
  'boundaries.by.code': 'code',
  'boundaries.by.name': 'name',
  'boundaries.matchedCities': '{matched} of {total} cities matched',
  'boundaries.matched': '{matched} of {total} districts of {city} matched',
  'boundaries.joinedOn': 'Joined on “{property}” by {by}.',
  'boundaries.noMatchAny': 'None of the shapes matches a district in the data, by code or by name. Choose the city of these districts, then the property that holds their codes or names.',
  'boundaries.noCandidate': 'No property of the file holds the codes or names of the districts of {city}.',
  'boundaries.simplified': 'Simplified for display from {points} to {kept} points.',
  'boundaries.skipped': 'Left out: {notPolygon} features that are not polygons, {noGeometry} without geometry, {broken} broken.',
  'boundaries.savedNoCity': 'Boundaries “{name}” saved ({count} shapes); no district in the data matches them yet — they are joined as soon as the district data is loaded.',
  'boundaries.savedCities': 'Boundaries “{name}” saved: {matched} of {total} cities matched.',
  'boundaries.saved': 'Boundaries “{name}” saved: {matched} of {total} districts of {city} matched.',
  'boundaries.problem.boundary_too_large': '{file}: the file is {size} MB; boundary files of up to {limit} MB are read. Simplify it first (for example mapshaper.org, “Simplify”) or keep only the city’s districts.',
  'boundaries.problem.boundary_not_json': '{file}: this is not valid JSON ({why}). Export the boundaries again as GeoJSON.',
  'boundaries.problem.boundary_not_geojson': '{file}: expected a GeoJSON FeatureCollection or a TopoJSON Topology, found {found}.',
  'boundaries.problem.boundary_too_many_features': '{file}: {count} shapes; at most {limit} are read. Keep only the districts of the city.',
  'boundaries.problem.boundary_no_polygons': '{file}: none of its {count} features is a polygon (districts must be Polygon or MultiPolygon shapes).',
  'boundaries.problem.boundary_projected': '{file}: the coordinates are not longitude/latitude (for example {x}, {y}){system}. Reproject the file to WGS 84 (EPSG:4326): in QGIS “Export → Save Features As…” with CRS EPSG:4326, or `ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`, or mapshaper’s `-proj wgs84`.',
  'boundaries.problem.systemGuess': ' — it looks like {system}',
  'boundaries.problem.failed': '{file}: the boundary file could not be read ({why}).',
  'unit.notStated': 'unit not stated',

  // --- NUA view (nuaView.*) ---
  'import.blocked': 'No observation can be imported: fix the errors listed in the report and load the file again.',

  'datasets.readOnly': 'Published data belongs to the site and cannot be changed here: import a copy, change it and publish it again.',
  'datasets.nameRequired': 'Give the dataset a name.',
  'datasets.deleted': 'Deleted “{name}”.',
  'datasets.undo': 'Undo',
  'datasets.dismiss': 'Close',

  'import.replaceGone': 'The dataset to replace is no longer saved. Import the file again.',

  // --- city report (cityReport.*) ---
  'nav.report': 'City report',

  // --- since the last review (review.*): the report and the overview ---
  'review.choose': 'Since the last review',
  'review.none': 'Not compared',
  'review.option': '{name}, version {number} (imported {date})',
  'review.optionPublished': 'As published on {date}',
} as const;

/** Both parts of the English catalogue: the keys every other language must have. */
export type EnCatalogue = typeof en & typeof enViews;
export type CatalogueKey = keyof EnCatalogue;

/** Keys with plural forms, without the `_one` / `_other` suffix (`'import.button'`). */
export type PluralBase = { [K in CatalogueKey]: K extends `${infer B}_other` ? B : never }[CatalogueKey];
/** Keys callers use: plain keys, and plural keys by their base. */
export type MessageKey = Exclude<CatalogueKey, `${PluralBase}_one` | `${PluralBase}_other`> | PluralBase;
/** Arabic has six plural categories (CLDR): every plural message needs the four English lacks too. */
export type ArabicPluralKey = `${PluralBase}_${'zero' | 'two' | 'few' | 'many'}`;
/** A complete catalogue in another language: every English key (checked at compile time). */
export type FullCatalogue = Record<CatalogueKey, string>;
