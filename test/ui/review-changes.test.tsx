import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { INDICATORS_DIR, loadRegistryFromDirs } from '@/cli/load-registry';
import type { ReviewDiff } from '@/model/review-diff';
import { I18nProvider } from '@/i18n/i18n-context';
import { ReviewChanges } from '@/ui/review-changes';

const { registry } = loadRegistryFromDirs([INDICATORS_DIR]);

const diff: ReviewDiff = {
  newPoints: 2,
  improved: [{ indicator: '11.6.2', before: 'deterioration', after: 'on_track' }],
  worsened: [],
  newlyReported: [{ indicator: 'LOCAL-PARKS-1', before: 'insufficient_data', after: 'limited_progress' }],
  noLongerReported: [],
  unchanged: 0,
};

describe('ReviewChanges({ cityName, diff, registry, hrefOf })', () => {
  it('a sentence, then one row per change: code and title, status then and now, the change in words', () => {
    const html = renderToStaticMarkup(<ReviewChanges cityName="Amman" diff={diff} registry={registry} hrefOf={(code) => `#/indicator?indicator=${code}`} />);
    expect(html).toContain('Amman — new or revised data points: 2; indicators improved: 1, worsened: 0, newly reported or assessed: 1, no longer reported: 0.');
    expect(html).toContain('<caption class="visually-hidden">What changed for Amman since the last review</caption>');
    expect(html.match(/<tr data-indicator=/g)).toHaveLength(2);
    expect(html).toContain(`<a href="#/indicator?indicator=11.6.2"><bdi dir="ltr" class="review-code">11.6.2</bdi> ${registry.byCode.get('11.6.2')?.title.en}</a>`);
    expect(html).toContain('Deterioration');
    expect(html).toContain('data-status="on_track"');
    expect(html).toContain('Improved');
    // An indicator the registry does not know: its code alone; "not assessed" before.
    expect(html).toContain('<bdi dir="ltr" class="review-code">LOCAL-PARKS-1</bdi></a>');
    expect(html).toContain('Not reported or not assessed');
  });

  it('one quiet sentence when nothing changed; no table', () => {
    const html = renderToStaticMarkup(<ReviewChanges cityName="Amman" diff={{ ...diff, newPoints: 0, improved: [], newlyReported: [] }} registry={registry} />);
    expect(html).toBe('<p class="review-summary">Amman: nothing changed since the last review.</p>');
  });

  it('in Arabic with Arabic-Indic digits: translated words, the code kept left to right', () => {
    const html = renderToStaticMarkup(
      <I18nProvider lang="ar" digits="arab">
        <ReviewChanges cityName="عمّان" diff={diff} registry={registry} />
      </I18nProvider>,
    );
    // The city's name isolated (FSI…PDI): a name in Latin letters would otherwise swap with the number after it.
    expect(html).toContain('\u2068عمّان\u2069 — نقاط بيانات جديدة أو منقّحة: ٢؛ مؤشرات تحسّنت: ١');
    expect(html).toContain(registry.byCode.get('11.6.2')?.title.ar ?? '?');
    expect(html).toContain('<bdi dir="ltr" class="review-code">11.6.2</bdi>');
    expect(html).toContain('تحسّن');
  });
});
