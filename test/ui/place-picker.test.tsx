import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/i18n/i18n-context';
import type { CityNames } from '@/model/dashboard-model';
import { matchPlaces } from '@/model/places-model';
import { findPlaces, indexPlaces, type PickerPlace, PLACE_LIMIT, withChosen } from '@/ui/place-options';
import { PlacePicker } from '@/ui/place-picker';

function city(name: string, code = '', extra: Partial<PickerPlace> = {}): PickerPlace {
  return { key: code !== '' ? code : name, name, code, kind: 'city', parent: '', ...extra };
}
const district = (name: string, code: string, parent: string) => city(name, code, { kind: 'district', parent });

const names: CityNames = {
  'LB-TYR': { en: 'Tyre', ar: 'صور', fr: 'Tyr' },
  'MA-FES': { en: 'Fez', ar: 'فاس', fr: 'Fès' },
  'XD-QMR': { en: 'Qamarayn', ar: 'القمرين' },
};
const cities = [city('Tyre', 'LB-TYR'), city('Fès', 'MA-FES'), city('Birmingham', 'E08000025'), city('Birmingham', 'US-BHM'), city('Bristol', 'E06000023'), city('Qamarayn', 'XD-QMR')];

const keysOf = (o: { shown: readonly { key: string }[] }) => o.shown.map((x) => x.key);
const labelsOf = (o: { shown: readonly { label: string }[] }) => o.shown.map((x) => x.label);

describe('indexPlaces(places, names, lang)', () => {
  it('one kind: one group without heading, sorted by display name in the language, equal names told apart by code', () => {
    const index = indexPlaces(cities, names, 'en');
    expect(index.groups).toEqual([{ kind: 'city', parent: '' }]);
    expect(index.options.map((o) => o.label)).toEqual(['Birmingham · E08000025', 'Birmingham · US-BHM', 'Bristol', 'Fez', 'Qamarayn', 'Tyre']);
    expect(index.labels.get('US-BHM')).toBe('Birmingham · US-BHM');
  });

  it('names in Arabic come from the display names, sorted in Arabic order; unnamed places keep the data name', () => {
    const index = indexPlaces(cities, names, 'ar');
    expect(index.labels.get('LB-TYR')).toBe('صور');
    expect(index.labels.get('E06000023')).toBe('Bristol');
    const arabic = index.options.map((o) => o.label).filter((l) => /[\u0600-\u06ff]/.test(l));
    expect(arabic).toEqual(['صور', 'فاس', 'القمرين'].sort(new Intl.Collator('ar').compare));
  });

  it('numbers sort by value (Ward 2 before Ward 10); equal labels keep a stable order by key', () => {
    const index = indexPlaces([city('Ward 10', 'W10'), city('Ward 2', 'W2'), city('Ward 1', 'W1b'), city('Ward 1', 'W1a')], {}, 'en');
    expect(index.options.map((o) => o.key)).toEqual(['W1a', 'W1b', 'W2', 'W10']);
  });

  it('several kinds: cities, then each city’s districts (by the city’s display name), regions, countries, other areas', () => {
    const places: PickerPlace[] = [
      city('World', '', { kind: 'aggregate' }),
      district('Ward B', 'X1', 'Sour'),
      city('Sour', 'LB-TYR'), // the data's name; "Tyre" in English
      city('South', 'R1', { kind: 'region' }),
      city('Lebanon', 'LB', { kind: 'country' }),
      district('Ward A', 'X2', 'Sour'),
      district('Centre', 'Z1', 'Aleppo'),
      city('Legacy', '', { kind: '' }),
    ];
    const index = indexPlaces(places, names, 'en');
    expect(index.groups).toEqual([
      { kind: 'city', parent: '' },
      { kind: 'district', parent: 'Aleppo' },
      { kind: 'district', parent: 'Tyre' },
      { kind: 'region', parent: '' },
      { kind: 'country', parent: '' },
      { kind: 'aggregate', parent: '' },
    ]);
    expect(index.options.map((o) => [o.key, o.group])).toEqual([
      ['Legacy', 0],
      ['LB-TYR', 0],
      ['Z1', 1],
      ['X2', 2],
      ['X1', 2],
      ['R1', 3],
      ['LB', 4],
      ['World', 5],
    ]);
  });

  it('no places: no options, no groups', () => {
    const index = indexPlaces([], names, 'en');
    expect(index.options).toEqual([]);
    expect(findPlaces(index, 'a')).toEqual({ sections: [], shown: [], total: 0 });
  });
});

describe('findPlaces(index, query, { exclude, limit })', () => {
  const en = indexPlaces(cities, names, 'en');

  it.each([
    ['', ['E08000025', 'US-BHM', 'E06000023', 'MA-FES', 'XD-QMR', 'LB-TYR']],
    ['   ', ['E08000025', 'US-BHM', 'E06000023', 'MA-FES', 'XD-QMR', 'LB-TYR']],
    ['BIRM', ['E08000025', 'US-BHM']],
    ['fes', ['MA-FES']], // accents ignored (Fès)
    ['fès', ['MA-FES']],
    ['صور', ['LB-TYR']], // a display name in another language than the UI's
    ['tyr', ['LB-TYR']], // French name
    ['e0800', ['E08000025']], // by code
    ['us-bhm', ['US-BHM']],
    ['قمرين', ['XD-QMR']],
    ['zzz', []],
  ])('%j → %j', (query, keys) => {
    expect(keysOf(findPlaces(en, query))).toEqual(keys);
  });

  it('Arabic letter variants fold: أ إ آ → ا, ة → ه, ى → ي, harakat and tatweel dropped', () => {
    const index = indexPlaces([city('الإسكندرية', 'EG-ALX'), city('المنيا', 'EG-MN'), city('طنطا', 'EG-TN')], { 'EG-MN': { ar: 'المنيى' } }, 'ar');
    expect(keysOf(findPlaces(index, 'الاسكندريه'))).toEqual(['EG-ALX']);
    expect(keysOf(findPlaces(index, 'الْإِسْكَنْدَرِيَّة'))).toEqual(['EG-ALX']);
    expect(keysOf(findPlaces(index, 'المنيي'))).toEqual(['EG-MN']);
    expect(keysOf(findPlaces(index, 'طنـطا'))).toEqual(['EG-TN']);
  });

  it('finds the same places as matchPlaces (the Data view’s search), whatever the order', () => {
    for (const q of ['', 'b', 'BIRM', 'fès', 'صور', 'e08', 'r', 'qamar', 'nothing']) {
      expect(new Set(keysOf(findPlaces(en, q)))).toEqual(new Set(matchPlaces(cities, names, q).map((p) => p.key)));
    }
  });

  it('names that start with the query (or have a word that does) come first, the rest after, each in display order', () => {
    const index = indexPlaces([city('Newport'), city('Port Ruri'), city('Bridgeport'), city('Portsmouth'), city('Stockport-on-Sea')], {}, 'en');
    expect(labelsOf(findPlaces(index, 'port'))).toEqual(['Port Ruri', 'Portsmouth', 'Bridgeport', 'Newport', 'Stockport-on-Sea']);
    expect(labelsOf(findPlaces(index, 'sea'))).toEqual(['Stockport-on-Sea']);
  });

  it('leaves out the excluded keys (cities already chosen) and does not count them', () => {
    const m = findPlaces(en, 'birm', { exclude: new Set(['US-BHM']) });
    expect(keysOf(m)).toEqual(['E08000025']);
    expect(m.total).toBe(1);
  });

  it(`draws at most ${PLACE_LIMIT} options of a thousand places, counts them all, keeps the groups in order`, () => {
    const many = Array.from({ length: 1000 }, (_, i) => city(`Town ${i + 1}`, `T${String(i + 1).padStart(4, '0')}`));
    const regions = Array.from({ length: 5 }, (_, i) => city(`Region ${i + 1}`, `R${i + 1}`, { kind: 'region' }));
    const index = indexPlaces([...regions, ...many], {}, 'en');
    const all = findPlaces(index, '');
    expect(all.total).toBe(1005);
    expect(all.shown).toHaveLength(PLACE_LIMIT);
    expect(all.sections.map((s) => [s.group?.kind, s.options.length])).toEqual([['city', 100]]);
    expect(all.shown[0]?.label).toBe('Town 1');
    const narrowed = findPlaces(index, 'town 99');
    expect(labelsOf(narrowed)).toEqual(['Town 99', 'Town 990', 'Town 991', 'Town 992', 'Town 993', 'Town 994', 'Town 995', 'Town 996', 'Town 997', 'Town 998', 'Town 999']);
    const regionsOnly = findPlaces(index, 'region');
    expect(regionsOnly.sections.map((s) => s.group)).toEqual([{ kind: 'region', parent: '' }]);
    expect(findPlaces(index, '', { limit: 3 }).shown).toHaveLength(3);
  });

  it('an empty query draws the part around the chosen place when it lies beyond the limit (as a native list scrolls to it)', () => {
    const many = Array.from({ length: 1000 }, (_, i) => city(`Town ${i + 1}`, `T${i + 1}`));
    const index = indexPlaces(many, {}, 'en');
    expect(findPlaces(index, '', { around: 'T20' }).shown[0]?.key).toBe('T1');
    const middle = findPlaces(index, '', { around: 'T500' });
    expect(middle.shown.map((o) => o.key).slice(49, 51)).toEqual(['T499', 'T500']);
    expect(middle.total).toBe(1000);
    const end = findPlaces(index, '', { around: 'T999' });
    expect([end.shown[0]?.key, end.shown.at(-1)?.key]).toEqual(['T901', 'T1000']);
    // A typed query starts at the best matches, whatever is chosen.
    expect(findPlaces(index, 'town 9', { around: 'T999' }).shown[0]?.key).toBe('T9');
    expect(findPlaces(index, '', { around: 'nowhere' }).shown[0]?.key).toBe('T1');
  });
});

describe('withChosen(places, chosen)', () => {
  it('adds the chosen place only when the list lacks it (a link opened a district), and keeps the same list otherwise', () => {
    const ward = district('Ward A', 'X2', 'Tyre');
    expect(withChosen(cities, cities[0])).toBe(cities);
    expect(withChosen(cities, undefined)).toBe(cities);
    expect(withChosen(cities, ward)).toEqual([...cities, ward]);
  });
});

describe('PlacePicker (closed, as first drawn)', () => {
  it('an input with role combobox, labelled, showing the chosen place with its code when its name is shared', () => {
    const html = renderToStaticMarkup(<PlacePicker label="City" places={cities} value="US-BHM" onChange={() => {}} names={names} id="city" />);
    expect(html).toContain('<label for="city">City</label>');
    expect(html).toMatch(/<input[^>]*id="city"[^>]*role="combobox"/);
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-autocomplete="list"');
    expect(html).toMatch(/aria-controls="[^"]+-list"/);
    expect(html).toContain('value="Birmingham · US-BHM"');
    expect(html).toContain('data-key="US-BHM"');
    expect(html).toMatch(/role="listbox"[^>]*aria-label="City: suggestions"[^>]*hidden/);
    expect(html).not.toContain('role="option"');
  });

  it('in Arabic: the Arabic name, Arabic placeholder and list name; an adding picker shows its placeholder; "none" shows its label', () => {
    const html = renderToStaticMarkup(
      <I18nProvider lang="ar" digits="latn">
        <PlacePicker label="المدينة" places={cities} value="LB-TYR" onChange={() => {}} names={names} />
        <PlacePicker label="أضف مدينة" places={cities} value={undefined} onChange={() => {}} names={names} />
        <PlacePicker label="قارن مع" places={cities} value="" noneLabel="بلا مقارنة" onChange={() => {}} names={names} />
      </I18nProvider>,
    );
    expect(html).toContain('value="صور"');
    expect(html).toContain('placeholder="اكتب اسمًا أو رمزًا"');
    expect(html).toContain('aria-label="اقتراحات: المدينة"');
    expect(html.match(/data-key=""/g)).toHaveLength(2);
    expect(html).toContain('value="بلا مقارنة"');
  });
});
