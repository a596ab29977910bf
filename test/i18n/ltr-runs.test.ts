import { describe, expect, it } from 'vitest';
import { balanceIsolates, isolateLtrRuns, ltrRuns } from '@/i18n/ltr-runs';

const LRI = '\u2066';
const PDI = '\u2069';
/** The text with LRI…PDI shown as ⟨…⟩, to read the cases. */
const shown = (s: string) => s.replaceAll(LRI, '⟨').replaceAll(PDI, '⟩');

describe('isolateLtrRuns(text)', () => {
  it.each<[string, string, string]>([
    ['a number with "%" after a space', 'الهدف المقترح: 100 %', 'الهدف المقترح: ⟨100 %⟩'],
    ['a number with "%" and no space', 'نحو 30% من الدخل', 'نحو ⟨30%⟩ من الدخل'],
    ['a number with a no-break space before "%"', 'cible : 100\u00a0%', 'cible : ⟨100\u00a0%⟩'],
    ['a number with a Latin unit', 'القيمة 5 µg/m³ سنويًا', 'القيمة ⟨5 µg/m³⟩ سنويًا'],
    ['a decimal number with a unit', 'المتوسط 12.5 km² للحي', 'المتوسط ⟨12.5 km²⟩ للحي'],
    ['a comparison', 'درجة المواءمة ≥ 0.75', 'درجة المواءمة ⟨≥ 0.75⟩'],
    ['a negative number', 'التغير -1.25 في السنة', 'التغير ⟨-1.25⟩ في السنة'],
    ['a minus sign (U+2212)', 'التغير −3 نقاط', 'التغير ⟨−3⟩ نقاط'],
    ['an indicator code', '11.6.2 الجسيمات الدقيقة', '⟨11.6.2⟩ الجسيمات الدقيقة'],
    ['a code with a letter', 'المؤشر 11.a.1 والغاية 11.b', 'المؤشر ⟨11.a.1⟩ والغاية ⟨11.b⟩'],
    ['Arabic-Indic digits with the Arabic percent sign', 'النسبة ٥٠٫٥٪ من السكان', 'النسبة ⟨٥٠٫٥٪⟩ من السكان'],
  ])('isolates %s', (_name, text, expected) => {
    expect(shown(isolateLtrRuns(text))).toBe(expected);
  });

  it.each<[string, string]>([
    ['plain numbers and years', 'الهدف: 100.0 بحلول 2030'],
    ['a number with an Arabic unit', 'هي 5 ميكروغرام/م³.'],
    ['a range, read right to left in Arabic', 'للفترة 2015-2030 و0–100'],
    ['numbers inside words', 'الجسيمات PM2.5 والسلسلة SD_CPA_2'],
    ['a target code without a letter (a decimal number)', 'الغاية 11.2 من أهداف التنمية المستدامة'],
    ['empty text', ''],
    ['text already isolated', `السلسلة ${LRI}100 %${PDI} هنا`],
  ])('leaves %s alone', (_name, text) => {
    expect(isolateLtrRuns(text)).toBe(text);
  });

  it('gives the text back when the runs are joined (ltrRuns)', () => {
    const text = 'الهدف: 100.0 بحلول 2030 (الهدف المقترح في Open SDG: 100 %)؛ 11.a.1 ≥ 0.75 و-5';
    const runs = ltrRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.ltr).map((r) => r.text)).toEqual(['100 %', '11.a.1', '≥ 0.75', '-5']);
  });
});

describe('balanceIsolates(lines)', () => {
  it('closes a run cut by the wrap at the end of its line and opens it again on the next', () => {
    expect(balanceIsolates([`الهدف ${LRI}100`, `%${PDI} هنا`]).map(shown)).toEqual(['الهدف ⟨100⟩', '⟨%⟩ هنا']);
  });

  it('leaves balanced lines as they are', () => {
    const lines = [`أ ${LRI}100 %${PDI}`, 'ب'];
    expect(balanceIsolates(lines)).toEqual(lines);
  });

  it('gives no lines for no lines', () => {
    expect(balanceIsolates([])).toEqual([]);
  });
});
