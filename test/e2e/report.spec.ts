import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { buildDashboard } from '@/model/dashboard-model';
import { buildReport } from '@/model/report-model';
import { t } from '@/i18n/translate';
import { ingestFile } from '@/ingest/ingest-file';
import { expect, test } from './console-guard';
import { expectPlace, pickPlace } from './place-picker-helpers';

/**
 * The printable city report: the page against the engine (the demo data read here with the app's own
 * ingest and progress code), printed to PDF by Chromium in English and Arabic (pages counted and
 * measured from the PDF bytes), the partner-city edition, the "Download all figures" ZIP, axe, and
 * no sideways overflow on a phone. `REPORT_PDF_DIR=/some/dir` keeps the PDFs to look at.
 */
const { registry } = loadRegistryFromDirs();
const demoBytes = new Uint8Array(readFileSync(new URL('../../public/demo/marsad-demo.csv', import.meta.url)));
const demo = ingestFile({ name: 'marsad-demo.csv', bytes: demoBytes }, registry);
const names = JSON.parse(readFileSync(new URL('../../public/demo/cities.json', import.meta.url), 'utf8')) as Record<string, { en: string; ar: string }>;
const dashboard = buildDashboard([demo.table], registry, 'opensdg');

const A = 'XD-TSN';
const B = 'XD-BSH';
/** A4 in PDF points (1/72 in): 210 × 297 mm. Chromium rounds up by under a point. */
const A4 = { width: 595.28, height: 841.89 };

/** Every page is A4: portrait, and landscape for the annex (at least one of each). */
function expectA4Pages(boxes: readonly { width: number; height: number }[]): void {
  expect(boxes.some((b) => b.width > b.height)).toBe(true);
  expect(boxes.some((b) => b.width < b.height)).toBe(true);
  for (const box of boxes) {
    const [short, long] = box.width > box.height ? [box.height, box.width] : [box.width, box.height];
    expect(Math.abs(short - A4.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(long - A4.height)).toBeLessThanOrEqual(1);
  }
}

type PdfFacts = { pages: number; boxes: Array<{ width: number; height: number }> };

/**
 * Pages of a PDF read from its bytes (no PDF library): the page objects (`/Type /Page`, not `/Pages`)
 * and their MediaBox. Chromium writes page dictionaries uncompressed, so a byte scan finds them.
 */
function pdfFacts(bytes: Uint8Array): PdfFacts {
  const text = new TextDecoder('latin1').decode(bytes);
  const pages = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
  return { pages, boxes };
}

/** The PDF's text by poppler's pdftotext when it is installed (local runs); null elsewhere. */
function pdfText(path: string): string | null {
  try {
    return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** The PDF's pages as text (pdftotext separates pages with a form feed), bidi controls removed; null without poppler. */
function pdfPages(path: string): string[] | null {
  const text = pdfText(path);
  return text === null ? null : text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

/**
 * The printed report's layout, page by page: a page number ("Page 3 of 40") at the foot of every page,
 * and no page whose last line (above the number) is a section's heading or its indicator count, nor a
 * page with almost nothing on it.
 */
function expectPrintedLayout(pages: readonly string[], lang: 'en' | 'ar', model: ReturnType<typeof buildReport>): void {
  const headings = model.sections.flatMap((s) => [
    ...(s.goal === undefined ? [] : [`${t(lang, 'cityReport.section.goal', { goal: s.goal })} · `]),
    t(lang, 'cityReport.section.count', { count: s.indicators.length }),
  ]);
  pages.forEach((page, i) => {
    const lines = page.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const foot = lines.at(-1) ?? '';
    // Arabic: pdftotext may write the sentence's parts in visual order; the words and both numbers are there.
    if (lang === 'en') expect(foot, `page ${i + 1}`).toBe(t('en', 'cityReport.print.page', { page: i + 1, pages: pages.length }));
    else for (const part of [t('ar', 'cityReport.print.page', { page: '', pages: '' }).split(' ')[0] ?? '', String(i + 1), String(pages.length)]) expect(foot, `page ${i + 1}`).toContain(part);
    const last = lines.at(-2) ?? '';
    if (lang === 'en') expect(headings.some((h) => last.startsWith(h) || last === h), `page ${i + 1} ends with a heading: ${last}`).toBe(false);
    // The cover has little text by design; every other page has more than a heading's worth.
    if (i > 0) expect(lines.length, `page ${i + 1} is nearly empty`).toBeGreaterThan(8);
  });
}

/** Elements that stick out of the viewport sideways; what scrolls inside its own box (the annex on screen) is not counted. */
async function overflowing(page: Page, selector: string) {
  return page.locator(selector).evaluate((root) => {
    const width = document.documentElement.clientWidth;
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p !== null && p !== root.parentElement; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    return [root, ...root.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        // Text for screen readers only is a clipped 1 px box that may sit a pixel off the edge.
        return box.width > 0 && (box.left < -0.5 || box.right > width + 0.5) && !insideScroller(el) && el.closest('.visually-hidden') === null;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
  });
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function printToPdf(page: Page, file: string): Promise<{ bytes: Uint8Array; path: string }> {
  await page.emulateMedia({ media: 'print' });
  const bytes = new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  const dir = process.env.REPORT_PDF_DIR ?? test.info().outputDir;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/${file}`;
  writeFileSync(path, bytes);
  return { bytes, path };
}

test.describe('city report', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const lang of ['en', 'ar'] as const) {
    test(`opens from its URL in ${lang}: cover, summary, one section per SDG target, annex; prints to a clean A4 PDF; axe clean`, async ({ page }) => {
      const model = buildReport(dashboard, registry, [A]);
      await page.goto(`./?lang=${lang}#/report?city=${A}`);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1).toContainText(t(lang, 'cityReport.cover.title'));
      await expect(h1).toContainText(names[A]?.[lang] ?? '');
      await expect(page.locator('.report-cover')).toContainText(t(lang, 'cityReport.cover.period'));
      await expect(page.locator('.report-cover')).toContainText(t(lang, 'method.opensdg'));

      // Summary: the engine's counts by status, the three NUA priorities.
      const rollup = dashboard.rollups.get(A);
      for (const [status, n] of Object.entries(rollup?.overall.counts ?? {})) {
        await expect(page.locator(`.report-status-list li[data-status="${status}"] .report-status-count`)).toHaveText(String(n));
      }
      await expect(page.locator('.report-priority-table tbody tr')).toHaveCount(3);

      // One section per SDG target, each indicator with its figure (the exported SVG) and explanation.
      await expect(page.locator('.report-section')).toHaveCount(model.sections.length);
      await expect(page.locator('.report-section').first().locator('h2')).toContainText(model.sections[0]?.key ?? '');
      const indicators = model.sections.reduce((n, s) => n + s.indicators.length, 0);
      await expect(page.locator('.report-indicator')).toHaveCount(indicators);
      expect(await page.locator('.report-indicator .report-figure svg').count()).toBeGreaterThan(0);
      await expect(page.locator('.report-indicator .report-sentences').first().locator('li').first()).toBeVisible();
      await expect(page.locator('.report-summary .report-figure')).toHaveCount(1);
      await expect(page.locator('.report-annex table tbody tr')).toHaveCount(indicators);
      await expectNoSeriousAxeViolations(page);

      const pdf = await printToPdf(page, `report-${lang}.pdf`);
      const facts = pdfFacts(pdf.bytes);
      // Cover + summary + a page per SDG goal + annex, at least.
      expect(facts.pages).toBeGreaterThanOrEqual(3 + new Set(model.sections.map((s) => `${s.kind}:${s.goal ?? ''}`)).size);
      expect(facts.pages).toBeLessThan(4 * (3 + model.sections.length));
      expect(facts.boxes.length).toBeGreaterThanOrEqual(facts.pages);
      expectA4Pages(facts.boxes);
      // In print nothing scrolls: at the A4 portrait text width (180 mm ≈ 680 CSS px) nothing may stick
      // out of the report's sections, nor out of the annex at the landscape text width (273 mm ≈ 1030 px).
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 680, height: 960 });
      expect(await overflowing(page, 'main .report .report-summary')).toEqual([]);
      for (const section of await page.locator('main .report .report-section').all()) expect(await overflowing(section.page(), `main .report .report-section[data-section="${await section.getAttribute('data-section')}"]`)).toEqual([]);
      await page.setViewportSize({ width: 1030, height: 960 });
      expect(await overflowing(page, 'main .report .report-annex')).toEqual([]);
      await page.emulateMedia({ media: 'screen' });

      const pages = pdfPages(pdf.path);
      if (pages !== null) {
        expect(pages.length).toBe(facts.pages);
        expectPrintedLayout(pages, lang, model);
        // The contents come second, with a link to every section.
        expect(pages[1]).toContain(t(lang, 'cityReport.contents.title'));
      }
      await expect(page.locator('.report-contents li')).toHaveCount(model.sections.length + 2);
      const text = pdfText(pdf.path);
      if (text !== null && lang === 'en') {
        expect(text).toContain(names[A]?.en ?? '');
        expect(text).toContain(t('en', 'cityReport.annex.title'));
        expect(text).not.toContain(t('en', 'cityReport.download'));
      }
    });
  }

  test('partner-city edition: both cities on the cover, in the summary and beside each explanation; prints in Arabic', async ({ page }) => {
    const model = buildReport(dashboard, registry, [A, B]);
    await page.goto(`./?lang=ar#/report?city=${A}&cities=${A},${B}`);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toContainText(t('ar', 'cityReport.cover.partnerTitle'));
    for (const c of [A, B]) {
      await expect(h1).toContainText(names[c]?.ar ?? '');
      await expect(page.locator(`.report-city-summary[data-city="${c}"] h3`)).toContainText(names[c]?.ar ?? '');
    }
    await expectPlace(page, t('ar', 'cityReport.partner'), B);
    await expect(page.locator('.report-section')).toHaveCount(model.sections.length);
    await expect(page.locator('.report-indicator').first().locator('.report-explanation')).toHaveCount(2);
    // The two columns sit side by side.
    const [left, right] = await page.locator('.report-indicator').first().locator('.report-explanation').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(left).toBe(right);
    await expectNoSeriousAxeViolations(page);

    const facts = pdfFacts((await printToPdf(page, 'report-partner-ar.pdf')).bytes);
    expect(facts.pages).toBeGreaterThanOrEqual(3 + model.sections.length);
    expectA4Pages(facts.boxes);
  });

  test('"Download all figures" gives one ZIP: SVG, PNG at 2× and CSV per figure, the annex as CSV and XLSX, a README', async ({ page }) => {
    await page.goto(`./?lang=en#/report?city=${A}`);
    await expect(page.locator('.report-section').first()).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: t('en', 'cityReport.download') }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^[a-z0-9-]+_figures_en\.zip$/);
    const bytes = new Uint8Array(readFileSync(await file.path()));
    if (process.env.REPORT_PDF_DIR !== undefined) writeFileSync(`${process.env.REPORT_PDF_DIR}/${file.suggestedFilename()}`, bytes);
    const entries = unzipSync(bytes);
    const list = Object.keys(entries);
    expect(list).toEqual(expect.arrayContaining(['annex.csv', 'annex.xlsx', 'README.txt']));
    const svgs = list.filter((n) => n.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(1);
    for (const svgName of svgs) {
      const base = svgName.slice(0, -'.svg'.length);
      expect(list).toEqual(expect.arrayContaining([`${base}.png`, `${base}.csv`]));
      const svg = new TextDecoder().decode(entries[svgName]);
      const w = Number(/<svg\b[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
      const h = Number(/<svg\b[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
      const png = entries[`${base}.png`] ?? new Uint8Array();
      // PNG signature, then the IHDR chunk: width and height, big-endian, at bytes 16–23.
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([Math.round(w * 2), Math.round(h * 2)]);
    }
    // CSV and README: UTF-8 with a byte-order mark (Excel and Notepad then read Arabic right).
    expect([...(entries['annex.csv'] ?? new Uint8Array()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...(entries['README.txt'] ?? new Uint8Array()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = entries['annex.xlsx'] ?? new Uint8Array();
    expect(String.fromCharCode(xlsx[0] ?? 0, xlsx[1] ?? 0)).toBe('PK');
    const readme = new TextDecoder().decode(entries['README.txt']);
    expect(readme).toContain(names[A]?.en ?? '');
    for (const svgName of svgs) expect(readme).toContain(svgName);
    await expect(page.getByRole('status').filter({ hasText: file.suggestedFilename() })).toBeVisible();
  });

  test("the observatory's own cover: title, organisation, logo, foreword, date and period, kept after a reload and printed", async ({ page }) => {
    await page.goto(`./?lang=en#/report?city=${A}`);
    const editor = page.getByTestId('cover-editor');
    await editor.locator('summary').click();
    const fill = async (label: string, value: string) => {
      const field = editor.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.blur();
      await expect(editor.getByRole('status')).toContainText(t('en', 'cityReport.coverEditor.saved', { city: names[A]?.en ?? '' }));
    };
    await fill(t('en', 'cityReport.coverEditor.title'), 'Voluntary Local Review 2026');
    await fill(t('en', 'cityReport.coverEditor.organisation'), 'Tal Sanawbar Urban Observatory');
    await fill(t('en', 'cityReport.coverEditor.period'), '2015–2025');
    await fill(t('en', 'cityReport.coverEditor.date'), 'June 2026');
    await fill(t('en', 'cityReport.coverEditor.foreword'), 'Our first review.\n\nWith thanks to the districts.');
    // A 1 × 1 PNG as the logo; a file that is not an image is refused with its name.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const logoInput = editor.getByLabel(t('en', 'cityReport.coverEditor.logo'));
    await logoInput.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    await expect(editor.getByRole('alert')).toHaveText(t('en', 'cityReport.coverEditor.logoType', { file: 'logo.svg' }));
    await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    const cover = page.locator('.report-cover');
    await expect(cover.locator('img.report-cover-logo')).toHaveAttribute('src', /^data:image\/png;base64,/);

    await page.reload();
    await expect(cover.locator('.report-cover-title')).toHaveText('Voluntary Local Review 2026');
    await expect(cover).toContainText('Tal Sanawbar Urban Observatory');
    await expect(cover).toContainText('2015–2025');
    await expect(cover).toContainText('June 2026');
    await expect(cover.locator('.report-cover-foreword p')).toHaveText(['Our first review.', 'With thanks to the districts.']);
    await expect(cover.locator('img.report-cover-logo')).toBeVisible();
    const pages = pdfPages((await printToPdf(page, 'report-own-cover.pdf')).path);
    if (pages !== null) {
      expect(pages[0]).toContain('Voluntary Local Review 2026');
      expect(pages[0]).toContain('Tal Sanawbar Urban Observatory');
      expect(pages[0]).toContain('Our first review.');
      expect(pages[0]).not.toContain(t('en', 'cityReport.coverEditor.intro'));
    }
  });

  test('choosing a partner city and "none" updates the URL', async ({ page }) => {
    await page.goto(`./?lang=en#/report?city=${A}`);
    await pickPlace(page, t('en', 'cityReport.partner'), B);
    await expect(page).toHaveURL(new RegExp(`cities=${A}(%2C|,)${B}`));
    await expect(page.locator('.report-city-summary')).toHaveCount(2);
    await pickPlace(page, t('en', 'cityReport.partner'), '');
    await expect(page.locator('.report-city-summary')).toHaveCount(1);
    await expect(page).not.toHaveURL(/cities=/);
  });
});

test.describe('city report at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const lang of ['en', 'ar'] as const) {
    test(`fits the phone's width in ${lang}, one city and two`, async ({ page }) => {
      await page.goto(`./?lang=${lang}#/report?city=${A}`);
      await expect(page.locator('.report-section').first()).toBeVisible();
      expect(await overflowing(page, 'main .report')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      // Figures keep a readable size (560 px, text at least 9 px) and scroll in their own box, which takes the keyboard.
      const figure = page.locator('.report-section .report-figure').first();
      expect((await figure.locator('.report-figure-svg').boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(560);
      await expect(figure).toHaveAttribute('tabindex', '0');
      await figure.focus();
      await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
      await expect.poll(() => figure.evaluate((el) => Math.abs(el.scrollLeft))).toBeGreaterThan(0);
      await expectNoSeriousAxeViolations(page);
      // The annex alone, as CSV and Excel, from the annex itself.
      for (const [button, ext] of [[t(lang, 'cityReport.annex.csv'), 'csv'], [t(lang, 'cityReport.annex.xlsx'), 'xlsx']] as const) {
        const download = page.waitForEvent('download');
        await page.locator('.report-annex').getByRole('button', { name: button }).click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`tal-sanawbar_annex_${lang}.${ext}`);
        const bytes = readFileSync((await file.path()) ?? '');
        if (ext === 'csv') expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        else expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      }
      await page.goto(`./?lang=${lang}#/report?city=${A}&cities=${A},${B}`);
      await expect(page.locator('.report-city-summary')).toHaveCount(2);
      expect(await overflowing(page, 'main .report')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    });
  }
});
