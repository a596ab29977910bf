import { describe, expect, it } from 'vitest';
import { renderCoverSvg } from '@/model/cover-figure';
import { cleanCover, logoType, parseReportCovers, ReportCoverSchema, withCover } from '@/model/report-cover';

const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

describe('report covers', () => {
  it('keeps what the observatory wrote, drops blank fields, removes an empty cover', () => {
    expect(cleanCover({ title: '  VLR 2026 ', subtitle: ' ', foreword: '' })).toEqual({ title: 'VLR 2026' });
    expect(cleanCover({ title: '' })).toBeUndefined();
    const covers = withCover({}, 'XD-TSN', { title: 'VLR', organisation: 'Observatory' });
    expect(covers).toEqual({ 'XD-TSN': { title: 'VLR', organisation: 'Observatory' } });
    expect(withCover(covers, 'XD-TSN', { title: '' })).toEqual({});
  });

  it('accepts logos as PNG, JPEG or WebP data URLs only (never SVG), recognised by their bytes', () => {
    expect(ReportCoverSchema.safeParse({ logo: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}` }).success).toBe(true);
    expect(ReportCoverSchema.safeParse({ logo: 'data:image/svg+xml;base64,PHN2Zz4=' }).success).toBe(false);
    expect(ReportCoverSchema.safeParse({ logo: 'https://example.org/logo.png' }).success).toBe(false);
    expect(logoType(PNG)).toBe('png');
    expect(logoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(logoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });

  it('reads saved covers through the schema and reports what it cannot read', () => {
    expect(parseReportCovers(JSON.stringify({ A: { title: 'T' } }))).toEqual({ covers: { A: { title: 'T' } } });
    expect(parseReportCovers('{')).toEqual({ covers: {}, problem: 'not JSON' });
    expect(parseReportCovers(JSON.stringify({ A: { title: 5 } })).problem).toMatch(/^A\.title: /);
  });

  it('draws the cover page with the observatory’s words, its logo, and Marsad’s facts; Arabic anchored on the right', () => {
    const page = {
      lang: 'en' as const,
      digits: 'latn' as const,
      cities: ['Tal Sanawbar'],
      covers: [{ title: 'Voluntary Local Review 2026', organisation: 'Tal Sanawbar Urban Observatory', foreword: 'Our first review.\n\nThanks <to> all.', logo: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}` }],
      period: '2015–2024',
      date: '3 December 2026',
      method: 'opensdg' as const,
      indicators: 34,
    };
    const { svg, width, height } = renderCoverSvg(page);
    expect([width, height]).toEqual([800, 1131]);
    for (const text of ['Voluntary Local Review 2026', 'Tal Sanawbar Urban Observatory', 'Tal Sanawbar', 'Our first review.', 'Thanks &lt;to&gt; all.', '2015–2024', '3 December 2026', 'Foreword']) expect(svg).toContain(text);
    expect(svg).toContain('<image ');
    const ar = renderCoverSvg({ ...page, lang: 'ar', covers: [undefined] }).svg;
    expect(ar).toContain('text-anchor="end"');
    expect(ar).toContain('تقرير المدينة');
    expect(ar).not.toContain('<image ');
  });
});
