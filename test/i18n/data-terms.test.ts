import { describe, expect, it } from 'vitest';
import { dataTerm } from '@/i18n/data-terms';
import { gapSentences } from '@/model/gap-figure';

describe('dataTerm: well-known breakdown words in the reader’s language', () => {
  it('translates sex, age, location and disability words without case, keeps any other text and English as written', () => {
    expect(dataTerm('sex', 'ar')).toBe('الجنس');
    expect(dataTerm('FEMALE', 'fr')).toBe('Femmes');
    expect(dataTerm(' Urban ', 'es')).toBe('Urbano');
    expect(dataTerm('sex', 'en')).toBe('sex');
    expect(dataTerm('Ward 7', 'ar')).toBe('Ward 7');
  });
  it('the gap sentence in Arabic names the groups in Arabic', () => {
    const group = (label: string, value: number) => ({ label, value, year: 2022, seriesIndex: 0 });
    const dim = { column: 'sex', groups: [group('Male', 22), group('Female', 26)], series: [0], latest: { year: 2022, best: group('Male', 22), worst: group('Female', 26), gap: 4 }, base: null, change: null, delta: null };
    const [stands] = gapSentences(dim, { lang: 'ar', digits: 'latn', decimals: 1, unit: '', direction: 'decrease' });
    expect(stands).toContain('\u2068الجنس\u2069');
    expect(stands).toContain('\u2068ذكور\u2069');
    expect(stands).not.toContain('Male');
  });
});
