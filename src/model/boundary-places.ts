import { type BoundaryJoin, joinBoundaries, type JoinPlace } from './boundary-join';
import { type CityNames, displayNamesOf } from './dashboard-model';
import { CITIES_LEVEL } from './map-model';
import { isCityEntry, type PlaceEntry } from './places-model';

/**
 * The places boundary files are joined to, from the Data view's list of places (no dashboard needed):
 * each city that has districts, with its districts; and the city a set of shapes belongs to when the
 * user has not said (the one whose districts match most shapes).
 */

export type DistrictGroup = { readonly city: JoinPlace; readonly districts: readonly JoinPlace[] };

/**
 * Cities with districts (by the districts' parent), largest first; then, when the data has cities, the
 * cities themselves as one group (key {@link CITIES_LEVEL}): a boundary file of cities joins to them.
 */
export function districtGroups(places: readonly PlaceEntry[]): DistrictGroup[] {
  const cities = places.filter((p) => isCityEntry(p) && p.mergedInto === undefined).map((p) => ({ key: p.key, name: p.name, code: p.code }));
  const groups = districtGroupsOnly(places);
  return cities.length === 0 ? groups : [...groups, { city: { key: CITIES_LEVEL, name: '', code: '' }, districts: cities }];
}

function districtGroupsOnly(places: readonly PlaceEntry[]): DistrictGroup[] {
  const byParent = new Map<string, JoinPlace[]>();
  for (const p of places) {
    if (p.kind !== 'district' || p.parent === '' || p.mergedInto !== undefined) continue;
    let list = byParent.get(p.parent);
    if (list === undefined) byParent.set(p.parent, (list = []));
    list.push({ key: p.key, name: p.name, code: p.code });
  }
  return [...byParent.entries()]
    .map(([parent, districts]) => {
      const city = places.find((p) => p.name === parent && p.kind !== 'district');
      return { city: { key: city?.key ?? parent, name: parent, code: city?.code ?? '' }, districts };
    })
    .sort((a, b) => b.districts.length - a.districts.length || a.city.name.localeCompare(b.city.name));
}

export function namesFrom(names: CityNames): (p: JoinPlace) => readonly string[] {
  return (p) => displayNamesOf(p, names);
}

/** The join of `features` with the districts of the group of `cityKey` (undefined when no such group). */
export function joinGroup(
  features: ReadonlyArray<{ readonly properties: Readonly<Record<string, string>> }>,
  groups: readonly DistrictGroup[],
  cityKey: string,
  property: string | undefined,
  names: CityNames,
): { group: DistrictGroup; join: BoundaryJoin } | undefined {
  const group = groups.find((g) => g.city.key === cityKey);
  if (group === undefined) return undefined;
  return { group, join: joinBoundaries(features, group.districts, { property, namesOf: namesFrom(names) }) };
}

/** The city whose districts match most shapes ('' when none matches any). */
export function bestCity(features: ReadonlyArray<{ readonly properties: Readonly<Record<string, string>> }>, groups: readonly DistrictGroup[], names: CityNames): string {
  let best = '';
  let most = 0;
  for (const g of groups) {
    const matched = joinBoundaries(features, g.districts, { namesOf: namesFrom(names) }).matched;
    if (matched > most) {
      most = matched;
      best = g.city.key;
    }
  }
  return best;
}
