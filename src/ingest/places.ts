import { headerAliasKey } from './header-aliases';

/**
 * Places as files name them. Aggregates (World, Total, continents and UN regions) are never cities:
 * a UN or UN-Habitat table ends with such rows, and an Open SDG file's "Total" row is not a place.
 * Compared with the same key as headers (case, accents, Arabic spelling variants and the article fold).
 */
const AGGREGATE_NAMES: ReadonlySet<string> = new Set(
  [
    'world', 'total', 'all', 'overall', 'global', 'all areas', 'all cities', 'all wards', 'all districts',
    'africa', 'asia', 'europe', 'oceania', 'americas', 'antarctica', 'latin america and the caribbean', 'northern america',
    'north america', 'south america', 'sub-saharan africa', 'northern africa', 'western asia', 'eastern asia', 'southern asia',
    'south-eastern asia', 'central asia', 'northern africa and western asia', 'central and southern asia',
    'eastern and south-eastern asia', 'australia and new zealand', 'arab states', 'arab world', 'european union',
    'least developed countries', 'landlocked developing countries', 'small island developing states',
    'developed regions', 'developing regions', 'high income', 'low income', 'middle income',
    'monde', 'ensemble', 'afrique', 'asie', 'amérique latine et caraïbes', 'états arabes', 'union européenne',
    'mundo', 'todos', 'todas', 'áfrica', 'américa latina y el caribe', 'estados árabes', 'unión europea',
    'العالم', 'المجموع', 'الإجمالي', 'الكل', 'أفريقيا', 'آسيا', 'أوروبا', 'الدول العربية', 'العالم العربي',
  ].map(headerAliasKey),
);

/** Whether a place name is an aggregate (World, Total, a continent or UN region), not a place of its own. */
export function isAggregateName(name: string): boolean {
  return AGGREGATE_NAMES.has(headerAliasKey(name));
}

/** `data/bristol/indicator_11-1-1.csv` → `indicator_11-1-1`: a file's name without folders and extension. */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
