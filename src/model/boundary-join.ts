import { foldCityText } from './find-city';

/**
 * Joining a boundary file's shapes to the places of the data (the districts of a city, or cities), by
 * code (a property such as GeoCode or WD20CD holding the places' codes) or by name (normalised: case,
 * accents, Arabic letter variants, punctuation and "&"/"and" ignored; the gazetteer's display names
 * count). Nothing is drawn before this report exists: what matched, the places with data but no shape,
 * the shapes without data. The property is the user's choice, or the one that matches most places
 * (codes preferred on a tie, since names are spelled in many ways).
 */

export type JoinPlace = { readonly key: string; readonly name: string; readonly code: string };

export type JoinCandidate = { readonly property: string; readonly by: 'code' | 'name'; readonly matches: number };

export type BoundaryJoin<P extends JoinPlace = JoinPlace> = {
  /** The property joined on, and how; null when no property matches any place. */
  readonly property: string | null;
  readonly by: 'code' | 'name' | null;
  /** Each shape's place (index = feature index); null for a shape without data. */
  readonly placeOf: ReadonlyArray<P | null>;
  readonly matched: number;
  /** Places with data but no shape. */
  readonly placesWithoutShape: readonly P[];
  /** Shapes without data: feature index and label. */
  readonly shapesWithoutData: ReadonlyArray<{ readonly feature: number; readonly label: string }>;
  /** Every property that matches at least one place, best first (for the chooser). */
  readonly candidates: readonly JoinCandidate[];
  /** All property names of the file (the user may choose one that matches nothing yet). */
  readonly properties: readonly string[];
};

export type JoinOptions<P extends JoinPlace> = {
  /** The property the user chose; the best matching one when undefined or absent from the file. */
  readonly property?: string | undefined;
  /** Further names a place answers to (display names from the gazetteer). */
  readonly namesOf?: (place: P) => readonly string[];
};

/** Property names probed, at most (a file controls how many there are). */
const MAX_PROBED = 60;

/** A code as compared: trimmed, upper case. */
export function codeKey(s: string): string {
  return s.trim().toUpperCase();
}

/** A name as compared: folded ({@link foldCityText}), "&" read as "and", "St." as "saint" left alone. */
export function nameKey(s: string): string {
  return foldCityText(s.replace(/&/g, ' and ').replace(/\+/g, ' and '));
}

/** The property that names a shape for people: a name-like property, else the join property. */
export function shapeLabel(properties: Readonly<Record<string, string>>, property: string | null, index: number): string {
  const nameProp = Object.keys(properties).find((k) => /(^|[_\s])(nm|name|nom|nombre|ward|district)$/i.test(k) || /^(name|nom|nombre|wd\d\dnm|lad\d\dnm)$/i.test(k));
  const label = (nameProp !== undefined ? properties[nameProp] : undefined) ?? (property !== null ? properties[property] : undefined) ?? '';
  return label.trim() !== '' ? label : `#${index + 1}`;
}

export function joinBoundaries<P extends JoinPlace>(features: ReadonlyArray<{ readonly properties: Readonly<Record<string, string>> }>, places: readonly P[], options: JoinOptions<P> = {}): BoundaryJoin<P> {
  const byCode = new Map<string, P>();
  const byName = new Map<string, P>();
  for (const p of places) {
    if (p.code !== '') byCode.set(codeKey(p.code), p);
    // A key without a code is often the code itself when the file had only codes.
    byCode.set(codeKey(p.key), p);
    for (const n of [p.name, ...(options.namesOf?.(p) ?? [])]) {
      const k = nameKey(n);
      if (k !== '' && !byName.has(k)) byName.set(k, p);
    }
  }
  const properties: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(f.properties)) {
      if (seen.has(k) || properties.length >= MAX_PROBED) continue;
      seen.add(k);
      properties.push(k);
    }
  }
  const lookup = (by: 'code' | 'name', value: string | undefined): P | undefined => (value === undefined || value.trim() === '' ? undefined : by === 'code' ? byCode.get(codeKey(value)) : byName.get(nameKey(value)));
  const count = (property: string, by: 'code' | 'name'): number => {
    const hit = new Set<string>();
    for (const f of features) {
      const p = lookup(by, f.properties[property]);
      if (p !== undefined) hit.add(p.key);
    }
    return hit.size;
  };
  const candidates: JoinCandidate[] = [];
  for (const property of properties) {
    const c = count(property, 'code');
    const n = count(property, 'name');
    if (c > 0 && c >= n) candidates.push({ property, by: 'code', matches: c });
    else if (n > 0) candidates.push({ property, by: 'name', matches: n });
  }
  candidates.sort((a, b) => b.matches - a.matches || (a.by === b.by ? 0 : a.by === 'code' ? -1 : 1));

  const chosen = options.property !== undefined && seen.has(options.property) ? (candidates.find((c) => c.property === options.property) ?? { property: options.property, by: 'code' as const, matches: 0 }) : candidates[0];
  const placeOf: Array<P | null> = [];
  const used = new Set<string>();
  const shapesWithoutData: Array<{ feature: number; label: string }> = [];
  features.forEach((f, i) => {
    const p = chosen === undefined ? undefined : lookup(chosen.by, f.properties[chosen.property]);
    placeOf.push(p ?? null);
    if (p !== undefined) used.add(p.key);
    else shapesWithoutData.push({ feature: i, label: shapeLabel(f.properties, chosen?.property ?? null, i) });
  });
  return {
    property: chosen?.property ?? null,
    by: chosen?.by ?? null,
    placeOf,
    matched: used.size,
    placesWithoutShape: places.filter((p) => !used.has(p.key)),
    shapesWithoutData,
    candidates,
    properties,
  };
}
