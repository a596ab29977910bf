import { formatNumber } from '@/i18n/format-number';
import type { Digits, Lang } from '@/i18n/lang';
import { t as translate } from '@/i18n/translate';
import type { BoundaryProblem } from '@/ingest/boundary-schema';
import type { BoundaryJoin } from './boundary-join';

/**
 * Boundary files in words (the Data view and the CLI say the same): why a file was refused, and what
 * the join of its shapes with the districts found.
 */

export function boundaryProblemText(problem: BoundaryProblem, file: string, lang: Lang, digits: Digits = 'latn'): string {
  const tr = (key: Parameters<typeof translate>[1], params: Parameters<typeof translate>[2]) => translate(lang, key, params, { digits });
  const mb = (bytes: number) => formatNumber(bytes / (1024 * 1024), lang, { digits, decimals: 1 });
  switch (problem.code) {
    case 'boundary_too_large':
      return tr('boundaries.problem.boundary_too_large', { file, size: mb(problem.bytes), limit: mb(problem.limit) });
    case 'boundary_not_json':
      return tr('boundaries.problem.boundary_not_json', { file, why: problem.why });
    case 'boundary_not_geojson':
      return tr('boundaries.problem.boundary_not_geojson', { file, found: problem.found });
    case 'boundary_too_many_features':
      return tr('boundaries.problem.boundary_too_many_features', { file, count: problem.count, limit: problem.limit });
    case 'boundary_no_polygons':
      return tr('boundaries.problem.boundary_no_polygons', { file, count: problem.features });
    case 'boundary_projected':
      return tr('boundaries.problem.boundary_projected', {
        file,
        // Coordinates as written: no grouping, no rounding, Latin digits (they are to be looked up in the file).
        x: String(problem.example[0]),
        y: String(problem.example[1]),
        system: problem.system === '' ? '' : tr('boundaries.problem.systemGuess', { system: problem.system }),
      });
    default:
      return assertNever(problem);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}

/** "34 of 34 districts of Bristol matched. Joined on “WD20CD” by code." */
export function joinSummaryText(join: Pick<BoundaryJoin, 'matched' | 'placesWithoutShape' | 'property' | 'by'>, cityName: string, lang: Lang, digits: Digits = 'latn'): string {
  const tr = (key: Parameters<typeof translate>[1], params: Parameters<typeof translate>[2] = {}) => translate(lang, key, params, { digits });
  const total = join.matched + join.placesWithoutShape.length;
  // cityName '' : the shapes are joined to the cities themselves.
  const matched = cityName === '' ? tr('boundaries.matchedCities', { matched: join.matched, total }) : tr('boundaries.matched', { matched: join.matched, total, city: cityName });
  if (join.property === null || join.by === null) return `${matched}. ${cityName === '' ? tr('boundaries.noMatchAny') : tr('boundaries.noCandidate', { city: cityName })}`;
  return `${matched}. ${tr('boundaries.joinedOn', { property: join.property, by: tr(join.by === 'code' ? 'boundaries.by.code' : 'boundaries.by.name') })}`;
}
