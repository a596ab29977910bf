import type { ObservationTable } from '@/domain/observation-table';
import type { Registry } from '@/domain/registry';
import { runSteps, type Steps } from '@/domain/steps';

/**
 * Which places and indicators a table holds (the indicator view names the datasets holding a city ×
 * indicator: the metadata's "source"): its (place key, canonical indicator) pairs, as numbers: place id ×
 * indicators + indicator id.
 */
type TablePairs = { readonly places: ReadonlyMap<string, number>; readonly indicators: ReadonlyMap<string, number>; readonly pairs: ReadonlySet<number> };
const pairsByTable = new WeakMap<object, TablePairs>();

/** Whether a table has rows for a place (key) and indicator; one pass over the table the first time (no string per row or run). */
export function tableHas(table: ObservationTable, registry: Registry, cityKey: string, indicator: string): boolean {
  const p = pairsOf(table, registry);
  const place = p.places.get(cityKey);
  const ind = p.indicators.get(indicator);
  return place !== undefined && ind !== undefined && p.pairs.has(place * p.indicators.size + ind);
}

function pairsOf(table: ObservationTable, registry: Registry): TablePairs {
  return pairsByTable.get(table) ?? runSteps(tablePairsSteps(table, registry));
}

/**
 * Makes a table's pairs (once per table), yielding every 128k rows: the dashboard's stepped build makes
 * them for each dataset, so that the indicator view does not scan a million rows in one task (50 ms).
 */
export function* tablePairsSteps(table: ObservationTable, registry: Registry): Steps<TablePairs> {
  const known = pairsByTable.get(table);
  if (known !== undefined) return known;
  const d = table.dict;
  const indicators = new Map<string, number>();
  const indicatorOf = Int32Array.from(d.indicator, (c) => {
    const code = registry.byCode.get(c)?.code ?? c;
    let id = indicators.get(code);
    if (id === undefined) indicators.set(code, (id = indicators.size));
    return id;
  });
  const places = new Map<string, number>();
  const placeOfPair = new Map<number, number>();
  const pairs = new Set<number>();
  let prevCity = -1;
  let prevCode = -1;
  let prevInd = -1;
  for (let i = 0; i < table.length; i++) {
    if ((i & 0x1ffff) === 0x1ffff) yield;
    const city = table.city[i] ?? 0;
    const code = table.cityCode[i] ?? 0;
    const ind = table.indicator[i] ?? 0;
    if (city === prevCity && code === prevCode && ind === prevInd) continue;
    prevCity = city;
    prevCode = code;
    prevInd = ind;
    const pair = city * 2 ** 26 + code;
    let place = placeOfPair.get(pair);
    if (place === undefined) {
      const key = (d.cityCode[code] ?? '') !== '' ? (d.cityCode[code] ?? '') : (d.city[city] ?? '');
      place = places.get(key);
      if (place === undefined) places.set(key, (place = places.size));
      placeOfPair.set(pair, place);
    }
    pairs.add(place * indicators.size + (indicatorOf[ind] ?? 0));
  }
  const out = { places, indicators, pairs };
  pairsByTable.set(table, out);
  return out;
}
