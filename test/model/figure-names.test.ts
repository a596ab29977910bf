import { describe, expect, it } from 'vitest';
import { citySlug, figureFileBase, slugify } from '@/model/figure-names';

describe('slugify(text)', () => {
  it.each([
    ['Amman', 'amman'],
    ['Ghadamès', 'ghadames'],
    ['São Paulo', 'sao-paulo'],
    ['Łódź', 'lodz'],
    ['  Tal   Sanawbar!! ', 'tal-sanawbar'],
    ['11.6.2', '11-6-2'],
    ['=HYPERLINK("x")', 'hyperlink-x'],
    ['وادي النور', ''],
    ['', ''],
  ])('slugify(%j) is %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('citySlug(city, names)', () => {
  it('uses the English display name, else the name in the data, else the code, else "city"', () => {
    expect(citySlug({ name: 'وادي النور', code: 'XD-WNR' }, { 'XD-WNR': { en: 'Wadi Noor', ar: 'وادي النور' } })).toBe('wadi-noor');
    expect(citySlug({ name: 'Tal Sanawbar', code: '' })).toBe('tal-sanawbar');
    expect(citySlug({ name: 'وادي النور', code: 'XD-WNR' })).toBe('xd-wnr');
    expect(citySlug({ name: 'وادي النور', code: '' })).toBe('city');
  });
});

describe('figureFileBase(parts)', () => {
  it.each([
    [{ city: 'Amman', cityCode: 'JO-AM', indicator: '11.6.2', kind: 'trend', lang: 'ar' as const }, 'amman_11-6-2_trend_ar'],
    [{ city: 'Amman', cityCode: 'JO-AM', indicator: null, kind: 'status', lang: 'en' as const }, 'amman_status_en'],
    [{ city: 'عمّان', cityCode: 'JO-AM', indicator: '11.6.2', kind: 'trend', lang: 'fr' as const }, 'jo-am_11-6-2_trend_fr'],
    [{ city: 'عمّان', cityCode: '', indicator: '11.6.2', kind: 'trend', lang: 'es' as const }, 'city_11-6-2_trend_es'],
    [{ city: 'Amman', cityCode: 'JO-AM', partner: { city: 'Zürich', cityCode: 'CH-ZH' }, indicator: '11.6.2', kind: 'trend', lang: 'en' as const }, 'amman-zurich_11-6-2_trend_en'],
    [{ city: '../../etc/passwd', cityCode: '', indicator: '11.b.1', kind: 'trend', lang: 'en' as const }, 'etc-passwd_11-b-1_trend_en'],
  ])('figureFileBase(%j) is %j', (parts, base) => {
    expect(figureFileBase(parts)).toBe(base);
  });
});
