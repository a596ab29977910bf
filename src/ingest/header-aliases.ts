import { cleanText } from './normalize-cell';
import { parseYearCell } from './parse-year';

/**
 * The comparison key of a header: lower-cased without spaces or punctuation (`City_Name` = `city name`).
 * Here, not in detect.ts, so the mapping form can use it without pulling PapaParse into the main bundle.
 */
export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[\s_\-./()[\]]+/g, '');
}

/**
 * Column-role recognition from header text in English, Arabic, French and Spanish.
 *
 * Matching is on a normalised key ({@link headerAliasKey}), so `City Name`, `city_name`, `CITY-NAME`
 * and `CityName` are one alias, `Année`/`annee`, `Año`/`ano` too, and Arabic spelling variants
 * (hamza forms, taa marbuta, alef maqsura, tatweel, harakat, the article ال) collapse. Matching is
 * exact on the key — `SeriesDescription` is not `series`, `Time_Detail` is not `year`.
 */

export type HeaderRole = 'city' | 'cityCode' | 'district' | 'region' | 'country' | 'indicator' | 'year' | 'value' | 'unit' | 'series' | 'source' | 'note';

/** Geography roles from the widest to the narrowest: a row's place is its narrowest non-blank one. */
export const GEOGRAPHY_ROLES = ['country', 'region', 'city', 'district'] as const;

/** Aliases as people write them; keys are derived with {@link headerAliasKey}. */
const ALIASES: Readonly<Record<HeaderRole, readonly string[]>> = {
  city: [
    'city', 'city name', 'municipality', 'municipality name', 'geo area name', 'geography', 'town',
    'ville', 'nom de la ville', 'commune', 'municipalité',
    'ciudad', 'nombre de la ciudad', 'nombre ciudad', 'municipio',
    'المدينة', 'اسم المدينة', 'البلدية', 'اسم البلدية',
    // City-level units of other countries' statistics: a local authority is a city's government area.
    'local authority', 'local authority name', 'local authority district', 'unitary authority', 'council area',
    'welsh unitary authority', 'scottish council area', 'city council', 'metropolitan area',
    'agglomération', 'área metropolitana', 'المحافظة البلدية', 'أمانة',
  ],
  district: [
    'district', 'district name', 'ward', 'ward name', 'neighbourhood', 'neighborhood', 'borough', 'zone', 'subdistrict',
    'quartier', 'arrondissement', 'secteur',
    'barrio', 'distrito', 'comuna', 'localidad', 'colonia',
    'الحي', 'حي', 'اسم الحي', 'المنطقة', 'القطاع', 'الدائرة',
  ],
  region: [
    'region', 'region name', 'province', 'state', 'governorate', 'county',
    'région', 'département',
    'región', 'provincia', 'estado', 'departamento',
    'المحافظة', 'الإقليم', 'الولاية',
  ],
  country: [
    'country', 'country name', 'nation', 'pays', 'país', 'nación', 'الدولة', 'البلد',
  ],
  cityCode: [
    'city code', 'city id', 'geo code', 'geo area code', 'municipality code',
    'code ville', 'code de la ville', 'code commune',
    'código ciudad', 'código de la ciudad', 'código municipio',
    'رمز المدينة', 'كود المدينة', 'رمز البلدية',
  ],
  indicator: [
    'indicator', 'indicator code', 'indicator id', 'sdg indicator', 'sdg indicator code',
    'indicateur', 'code indicateur', 'code de l’indicateur', "code de l'indicateur",
    'indicador', 'código indicador', 'código del indicador',
    'المؤشر', 'رمز المؤشر', 'كود المؤشر', 'رقم المؤشر',
  ],
  year: [
    'year', 'time period', 'data reference year', 'reference year', 'date', 'period',
    'année', 'période', 'année de référence',
    'año', 'anio', 'periodo', 'año de referencia', 'fecha',
    'السنة', 'العام', 'الفترة',
  ],
  value: [
    'value', 'obs value', 'observation value', 'data value',
    'valeur', 'valor',
    'القيمة',
  ],
  unit: [
    'unit', 'units', 'data units', 'unit of measure', 'unit of measurement', 'measurement unit',
    'unité', 'unités', 'unité de mesure',
    'unidad', 'unidades', 'unidad de medida',
    'الوحدة', 'الوحدات', 'وحدة القياس',
  ],
  series: [
    'series', 'series code', 'série', 'code série', 'serie', 'código serie', 'السلسلة', 'رمز السلسلة',
  ],
  source: [
    'source', 'sources', 'data source', 'source des données', 'fuente', 'fuentes', 'fuente de datos',
    'المصدر', 'المصادر', 'مصدر البيانات',
  ],
  note: [
    'note', 'notes', 'comment', 'comments', 'comment obs', 'footnote', 'footnotes', 'remark', 'remarks',
    'remarque', 'remarques', 'commentaire', 'commentaires',
    'nota', 'notas', 'comentario', 'comentarios', 'observaciones',
    'ملاحظات', 'ملاحظة', 'تعليق',
  ],
};

/**
 * The comparison key of a header:
 * 1. {@link cleanText} (bidi marks, odd spaces), Unicode NFD, lower case;
 * 2. Latin diacritics dropped (combining marks U+0300–U+036F): `année` → `annee`, `año` → `ano`;
 * 3. Arabic: harakat U+064B–U+065F and U+0670 and tatweel U+0640 dropped (NFD already turned
 *    أ إ آ ؤ ئ into a base letter + U+0653–U+0655, dropped here), ٱ → ا, ة → ه, ى → ي, and the
 *    article ال removed from the start of each word longer than three letters;
 * 4. everything that is not a letter or a digit (spaces, `_`, `-`, `.`, `/`, brackets…) removed.
 */
export function headerAliasKey(header: string): string {
  const text = cleanText(header).normalize('NFD').toLowerCase();
  let key = '';
  let wordStart = true;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) continue;
    if (!/[\p{L}\p{N}]/u.test(ch)) {
      wordStart = true;
      continue;
    }
    let out = ch;
    if (c === 0x0671) out = 'ا';
    else if (c === 0x0629) out = 'ه';
    else if (c === 0x0649) out = 'ي';
    if (wordStart) {
      wordStart = false;
      key += `\u0001${out}`; // word boundary marker, removed below
    } else key += out;
  }
  // Drop the article ال at the start of Arabic words of more than three letters (so الوحدة = وحدة).
  return key
    .split('\u0001')
    .map((w) => (w.length > 4 && w.startsWith('ال') ? w.slice(2) : w))
    .join('');
}

const BY_KEY: ReadonlyMap<string, HeaderRole> = (() => {
  const map = new Map<string, HeaderRole>();
  for (const role of Object.keys(ALIASES) as HeaderRole[]) {
    for (const alias of ALIASES[role]) {
      const key = headerAliasKey(alias);
      const prev = map.get(key);
      if (prev !== undefined && prev !== role) throw new Error(`header alias "${alias}" is both ${prev} and ${role}`);
      map.set(key, role);
    }
  }
  return map;
})();

/** The role a header names (`City Name` → city, `السنة` → year, `valeur` → value), or undefined. */
export function matchHeaderRole(header: string): HeaderRole | undefined {
  return BY_KEY.get(headerAliasKey(header));
}

/**
 * For wide files: a header that is a year or a period — `2015`, `٢٠١٥`, `2017-18`, `2015 Q1` — also
 * with the prefixes of common exports: `Y2015`, `YR2015` (World Bank), `X2015` (R's `make.names`),
 * `2015 [YR2015]` (World Bank WDI), `FY2015`. Uses {@link parseYearCell}; the prefixes are not part
 * of the label (`YR2015` → label '').
 */
export function isYearHeader(header: string): { year: number; label: string } | undefined {
  let h = cleanText(header);
  const wdi = /^(\d{4}) \[YR\1\]$/i.exec(h);
  if (wdi?.[1] !== undefined) h = wdi[1];
  else {
    const prefixed = /^(?:YR|Y|X)\s?(\d{4}(?:\D.*)?)$/i.exec(h);
    if (prefixed?.[1] !== undefined) h = prefixed[1];
  }
  const y = parseYearCell(h);
  return y.kind === 'year' ? { year: y.year, label: y.label } : undefined;
}
