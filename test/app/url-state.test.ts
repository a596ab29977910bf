import { describe, expect, it } from 'vitest';
import { formatHash, parseUrlState, stripKnownParams } from '@/app/url-state';

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

  it('leaves out absent values', () => {
    expect(formatHash({ view: 'data' })).toBe('#/data');
  });
});

describe('stripKnownParams(search)', () => {
  it('removes our parameters and keeps the others', () => {
    expect(stripKnownParams('?lang=ar&utm=x&city=a')).toBe('?utm=x');
    expect(stripKnownParams('?lang=ar')).toBe('');
    expect(stripKnownParams('')).toBe('');
  });
});
