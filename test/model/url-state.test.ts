import { describe, expect, it } from 'vitest';
import { formatHash, parseUrlState, stripKnownParams, type UrlState } from '@/model/url-state';

describe('parseUrlState(search, hash)', () => {
  it.each([
    ['', '', { view: 'overview' }],
    ['?lang=ar', '', { view: 'overview', lang: 'ar' }],
    ['', '#/data', { view: 'data' }],
    ['', '#data', { view: 'data' }],
    ['', '#/overview?lang=ar&city=XD-WNR&indicator=11.6.2', { view: 'overview', lang: 'ar', city: 'XD-WNR', indicator: '11.6.2' }],
    ['?view=data&lang=fr', '', { view: 'data', lang: 'fr' }],
    ['?lang=ar', '#/data?lang=en', { view: 'data', lang: 'en' }],
    ['?lang=ar', '#/data?lang=xx', { view: 'data', lang: 'ar' }],
    ['?city=%D8%B9%D9%85%D8%A7%D9%86', '', { view: 'overview', city: 'عمان' }],
    ['', '#/compare?cities=Tyre,Zurich&indicator=11.6.2', { view: 'compare', cities: ['Tyre', 'Zurich'], indicator: '11.6.2' }],
    ['?view=nua&cities=Muscat,%20Sohar,,Muscat&method=sdsn', '', { view: 'nua', cities: ['Muscat', 'Sohar'], method: 'sdsn' }],
    ['?view=indicator&city=Tyre&indicator=11.6.2&method=unsd', '#/', { view: 'indicator', city: 'Tyre', indicator: '11.6.2', method: 'unsd' }],
  ])('parseUrlState(%j, %j)', (search, hash, expected) => {
    expect(parseUrlState(search, hash)).toEqual(expected);
  });

  it.each([
    ['', '#/nowhere', { view: 'overview' }],
    ['?lang=<script>', '', { view: 'overview' }],
    ['?city=', '', { view: 'overview' }],
    [`?city=${'x'.repeat(500)}`, '', { view: 'overview' }],
    ['?lang=ar&lang=en', '', { view: 'overview', lang: 'ar' }],
    ['', '#/data?%E0%A4%A', { view: 'data' }],
    ['?method=magic&cities=,,', '', { view: 'overview' }],
  ])('drops invalid values: %j %j', (search, hash, expected) => {
    expect(parseUrlState(search, hash)).toEqual(expected);
  });
});

describe('formatHash(state)', () => {
  it('writes the canonical hash, which reads back the same', () => {
    const state = { view: 'overview', lang: 'ar', city: 'وادي النور & co', indicator: '11.6.2' } as const;
    const hash = formatHash(state);
    expect(hash.startsWith('#/overview?lang=ar&city=')).toBe(true);
    expect(parseUrlState('', hash)).toEqual(state);
  });

  it('round-trips cities and method', () => {
    const state: UrlState = { view: 'compare', lang: 'es', cities: ['Ghadames', 'Tinley Park'], indicator: '11.6.2', method: 'unsd' };
    expect(parseUrlState('', formatHash(state))).toEqual(state);
  });

  it('round-trips the last review, kept whatever the view', () => {
    const state: UrlState = { view: 'overview', lang: 'ar', city: 'JO-AMM', review: 'ds-1a2b:3' };
    expect(formatHash(state)).toBe('#/overview?lang=ar&city=JO-AMM&review=ds-1a2b%3A3');
    expect(parseUrlState('', formatHash(state))).toEqual(state);
    expect(parseUrlState('', formatHash({ ...state, view: 'report' }))).toEqual({ ...state, view: 'report' });
    expect(formatHash({ view: 'overview', review: '' })).toBe('#/overview');
    expect(parseUrlState('?review=%20', '')).toEqual({ view: 'overview' });
    expect(stripKnownParams('?review=a:1&utm=x')).toBe('?utm=x');
  });

  it('leaves out absent values', () => {
    expect(formatHash({ view: 'data' })).toBe('#/data');
  });
});

describe('stripKnownParams(search)', () => {
  it('removes our parameters and keeps the others', () => {
    expect(stripKnownParams('?lang=ar&utm=x&city=a')).toBe('?utm=x');
    expect(stripKnownParams('?cities=a,b&method=sdsn&view=nua')).toBe('');
    expect(stripKnownParams('?lang=ar')).toBe('');
    expect(stripKnownParams('')).toBe('');
  });
});

describe('embed links', () => {
  it('reads #/embed/<view> as that view embedded, and writes it back the same way', () => {
    const state = parseUrlState('', '#/embed/indicator?lang=ar&city=XD-WNR&indicator=11.6.2');
    expect(state).toEqual({ view: 'indicator', embed: true, lang: 'ar', city: 'XD-WNR', indicator: '11.6.2' });
    expect(formatHash(state)).toBe('#/embed/indicator?lang=ar&city=XD-WNR&indicator=11.6.2');
    expect(formatHash({ ...state, embed: false })).toBe('#/indicator?lang=ar&city=XD-WNR&indicator=11.6.2');
    expect(parseUrlState('', '#/indicator?city=A').embed).toBeUndefined();
    // An unknown view after embed/ falls back as any unknown view does.
    expect(parseUrlState('', '#/embed/nope')).toEqual({ view: 'overview', embed: true });
  });
});
