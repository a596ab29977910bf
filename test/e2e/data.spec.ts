import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, FIXTURES, test } from './console-guard';
import { pickPlace } from './place-picker-helpers';

/**
 * The Data view: column mapping (live preview, saved and offered again), dataset versions (replace
 * with confirmation, restore), use on the dashboard and conflicts, workspace backup (export, import,
 * refusal of bad files), in English at 1440 px and Arabic at 390 px.
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function openData(page: Page, lang: 'en' | 'ar', viewport = lang === 'ar' ? PHONE : DESKTOP) {
  await page.setViewportSize(viewport);
  await page.goto(`./#/data?lang=${lang}`);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.locator('.dataset-table')).toBeVisible();
}

async function importFile(page: Page, file: string | { name: string; buffer: Buffer }, button: RegExp) {
  const input = page.locator('.upload input.file-input');
  await input.setInputFiles(typeof file === 'string' ? `${FIXTURES}${file}` : { name: file.name, mimeType: 'text/csv', buffer: file.buffer });
  await page.getByRole('button', { name: button }).click();
}

/** The page never scrolls sideways (wide tables scroll inside their own box). */
async function expectNoPageOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function datasetRow(page: Page, name: string) {
  return page.locator('.dataset-table tbody tr:not(.versions-row)').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test.describe('mapping the columns of an unrecognised file', () => {
  test('English, 1440 px: map with a live preview, apply, import; the saved mapping is offered for the next file', async ({ page }) => {
    await openData(page, 'en');
    await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}unmapped-budget.csv`);
    const result = page.locator('article.file-result');
    await expect(result.getByText('Not recognised', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import 0 observations' })).toBeDisabled();
    await page.getByRole('button', { name: 'Map the columns' }).click();

    const form = page.getByRole('region', { name: 'Map the columns of unmapped-budget.csv' });
    await expect(form).toBeVisible();
    await expect(form.getByRole('heading', { name: 'Map the columns of unmapped-budget.csv' })).toBeFocused();
    // Pre-filled from the detection: Period is the year, Remarks a note; the rest are breakdowns.
    await expect(form.getByLabel('Period', { exact: true })).toHaveValue('year');
    await expect(form.getByLabel('Remarks', { exact: true })).toHaveValue('note');
    await expect(form.getByLabel('Place', { exact: true })).toHaveValue('breakdown');
    await expect(form.getByText('Choose the column that holds the values.')).toBeVisible();

    const preview = form.locator('table.mapping-preview');
    const firstRow = preview.locator('tbody tr').first();
    await expect(firstRow.locator('td').nth(4)).toContainText('empty');
    await expect(firstRow.locator('td').nth(1)).toHaveText('Unspecified city');

    // The preview follows every choice.
    await form.getByLabel('Place', { exact: true }).selectOption('city');
    await expect(firstRow.locator('td').nth(1)).toHaveText('Irbid');
    await form.getByLabel('Metric', { exact: true }).selectOption('indicator');
    await expect(firstRow.locator('td').nth(2)).toHaveText('11.6.2');
    await form.getByLabel('Reading', { exact: true }).selectOption('value');
    await expect(firstRow.locator('td').nth(4)).toHaveText('41.5');
    await expect(firstRow.locator('td').nth(3)).toHaveText('2016');
    await expect(preview.locator('tbody tr').nth(3).locator('td').nth(5)).toHaveText('Gender: Female');
    await expect(firstRow.locator('td').nth(5)).toHaveText('Total');
    // Two columns cannot both be the value.
    await form.getByLabel('Gender', { exact: true }).selectOption('value');
    await expect(form.getByText('Only one column can be “Value”; now it is “Reading”, “Gender”.')).toBeVisible();
    await form.getByLabel('Gender', { exact: true }).selectOption('breakdown');
    await expect(form.getByText('The mapping is complete. Check the preview, then apply it.')).toBeVisible();
    // The indicator comes from a column: the fixed field is not needed.
    await expect(form.getByLabel('Indicator for every row')).toBeDisabled();

    await form.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByText('Read unmapped-budget.csv again with your column mapping: 6 observations accepted. The mapping is saved')).toBeVisible();
    await expect(form).toBeHidden();
    await expect(result.getByText('Long (one value per row)')).toBeVisible();
    await page.getByRole('button', { name: 'Import 6 observations' }).click();
    await expect(page.getByText('Imported 6 observations as “unmapped-budget.csv”.')).toBeVisible();
    await expect(datasetRow(page, 'unmapped-budget.csv')).toContainText('6');

    // A second file with the same columns (other case): the saved mapping is offered.
    await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}unmapped-budget-2.csv`);
    const offer = page.getByRole('group', { name: 'Saved column mapping' });
    await expect(offer).toContainText('made for unmapped-budget.csv');
    await offer.getByRole('button', { name: 'Use the saved mapping' }).click();
    await expect(page.getByText('Read unmapped-budget-2.csv again with your column mapping: 3 observations accepted.')).toBeVisible();
    await expect(offer).toBeHidden();
    await page.getByRole('button', { name: 'Import 3 observations' }).click();
    await expect(datasetRow(page, 'unmapped-budget-2.csv')).toContainText('3');

    // The saved mappings are listed and can be deleted.
    await page.getByText('Saved column mappings (1)').click();
    await page.getByRole('button', { name: 'Delete the mapping saved for “unmapped-budget.csv”' }).click();
    await expect(page.getByText('Saved column mappings (0)')).toBeVisible();
    await page.reload();
    await expect(page.getByText('Saved column mappings (0)')).toBeVisible();
    await expectNoPageOverflow(page);
  });

  test('Arabic, 390 px: a file without an indicator column gets one for every row, right to left', async ({ page }) => {
    await openData(page, 'ar');
    await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}unmapped-ar.csv`);
    await page.getByRole('button', { name: 'عيّن الأعمدة' }).click();
    const form = page.getByRole('region', { name: 'تعيين أعمدة unmapped-ar.csv' });
    await expect(form).toBeVisible();
    await form.getByLabel('البلدة', { exact: true }).selectOption('city');
    await form.getByLabel('العام المرجعي', { exact: true }).selectOption('year');
    await form.getByLabel('الرقم', { exact: true }).selectOption('value');
    await expect(form.getByText('اختر عمود المؤشر، أو مؤشرًا لكل الصفوف.')).toBeVisible();
    await form.getByLabel('المؤشر لكل الصفوف').selectOption('11.6.2');
    const firstRow = form.locator('table.mapping-preview tbody tr').first();
    await expect(firstRow.locator('td').nth(1)).toHaveText('إربد');
    await expect(firstRow.locator('td').nth(2)).toHaveText('11.6.2');
    await expect(firstRow.locator('td').nth(4)).toHaveText('41.5');
    await expectNoPageOverflow(page);
    await page.screenshot({ path: '/tmp/marsad-mapping-ar-390.png', fullPage: true });

    // Keyboard: the roles are selects in reading order; Apply is a submit button.
    await form.getByLabel('الرقم', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(form.getByLabel('المؤشر لكل الصفوف')).toBeFocused();
    await form.getByRole('button', { name: 'طبّق' }).press('Enter');
    await expect(page.getByText('أُعيدت قراءة unmapped-ar.csv بتعيين الأعمدة الذي اخترته: قُبلت 3 مشاهدات.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'استيراد 3 مشاهدات' }).click();
    await expect(datasetRow(page, 'unmapped-ar.csv')).toContainText('3');
    await expectNoPageOverflow(page);
    await page.screenshot({ path: '/tmp/marsad-datasets-ar-390.png', fullPage: true });
  });
});

const VERSION_TEXT = {
  en: {
    importV1: /^Import 4 observations$/,
    importV2: /^Import 5 observations$/,
    dialog: 'Replace a dataset?',
    question: /Replace dataset “amman-air\.csv” \(version 1, 4 observations, imported .+\) with this file\?/,
    cancel: 'Cancel',
    confirm: 'Replace',
    cancelled: 'Nothing was changed: “amman-air.csv” is still at version 1.',
    replaced: /Replaced “amman-air\.csv”: version 2, with 5 observations, is now in use\./,
    earlier: /^Earlier version \(1\)/,
    restore: /^Restore version 1/,
    restored: '“amman-air.csv” is back to version 1. Version 2 is kept among the earlier versions.',
    v1: 'v1',
    v2: 'v2',
  },
  ar: {
    importV1: /^استيراد 4 مشاهدات$/,
    importV2: /^استيراد 5 مشاهدات$/,
    dialog: 'استبدال مجموعة بيانات؟',
    question: /هل تريد أن يحلّ هذا الملف محلّ مجموعة البيانات «amman-air\.csv» \(النسخة 1، 4 مشاهدات، استُوردت في .+\)؟/,
    cancel: 'إلغاء',
    confirm: 'استبدال',
    cancelled: 'لم يتغيّر شيء: ما زالت «amman-air.csv» في النسخة 1.',
    replaced: /استُبدلت «amman-air\.csv»: النسخة 2، وفيها 5 مشاهدات، مستخدمة الآن\./,
    earlier: /^نسخة سابقة/,
    restore: /^استعد النسخة 1/,
    restored: 'عادت «amman-air.csv» إلى النسخة 1. حُفظت النسخة 2 بين النسخ السابقة.',
    v1: '1',
    v2: '2',
  },
} as const;

test.describe('dataset versions', () => {
  for (const lang of ['en', 'ar'] as const) {
    test(`${lang}: re-importing asks first; Cancel keeps the old version, Replace replaces, Restore brings it back`, async ({ page }) => {
      const s = VERSION_TEXT[lang];
      await openData(page, lang);
      await importFile(page, 'amman-air.csv', s.importV1);
      const row = datasetRow(page, 'amman-air.csv');
      await expect(row.locator('td').nth(1)).toHaveText(s.v1);
      await expect(row.locator('td').nth(3)).toHaveText('4');

      const v2 = { name: 'amman-air.csv', buffer: readFileSync(`${FIXTURES}amman-air-v2.csv`) };
      await importFile(page, v2, s.importV2);
      const dialog = page.getByRole('dialog', { name: s.dialog });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(s.question);
      await expect(dialog.getByRole('button', { name: s.cancel })).toBeFocused();
      await dialog.getByRole('button', { name: s.cancel }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(s.cancelled)).toBeVisible();
      await expect(row.locator('td').nth(1)).toHaveText(s.v1);
      await expect(row.locator('td').nth(3)).toHaveText('4');

      // Escape answers Cancel too.
      await page.getByRole('button', { name: s.importV2 }).click();
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(row.locator('td').nth(1)).toHaveText(s.v1);

      await page.getByRole('button', { name: s.importV2 }).click();
      await dialog.getByRole('button', { name: s.confirm }).click();
      await expect(page.getByText(s.replaced)).toBeVisible();
      await expect(row.locator('td').nth(1)).toHaveText(s.v2);
      await expect(row.locator('td').nth(3)).toHaveText('5');
      await expect(page.locator('.dataset-table tbody tr:not(.versions-row)')).toHaveCount(1);

      await page.reload();
      await expect(row.locator('td').nth(1)).toHaveText(s.v2);
      await row.getByRole('button', { name: s.earlier }).click();
      await page.getByRole('button', { name: s.restore }).click();
      await expect(page.getByText(s.restored)).toBeVisible();
      await expect(row.locator('td').nth(1)).toHaveText(s.v1);
      await expect(row.locator('td').nth(3)).toHaveText('4');
      await page.reload();
      await expect(row.locator('td').nth(1)).toHaveText(s.v1);
      await expectNoPageOverflow(page);
    });
  }
});

test.describe('datasets on the dashboard', () => {
  test('conflicts are listed with both values; the later import wins; a dataset can be left out (kept after reload)', async ({ page }) => {
    await page.addInitScript(() => {
      const storage = navigator.storage as StorageManager & { persistCalls?: number };
      storage.persistCalls = 0;
      const persist = storage.persist.bind(storage);
      storage.persist = () => {
        storage.persistCalls = (storage.persistCalls ?? 0) + 1;
        return persist();
      };
    });
    await openData(page, 'en');
    await expect(page.getByText(/Marsad uses .+ of storage in this browser/)).toBeVisible();
    await importFile(page, 'amman-air.csv', /^Import 4 observations$/);
    await expect(datasetRow(page, 'amman-air.csv')).toBeVisible();
    // The browser is asked to keep the data after the first import.
    await expect.poll(() => page.evaluate(() => (navigator.storage as StorageManager & { persistCalls?: number }).persistCalls)).toBe(1);
    await importFile(page, 'amman-ministry.csv', /^Import 3 observations$/);
    await expect(page.getByText('The dashboard uses 2 of 2 datasets, merged.')).toBeVisible();

    const conflicts = page.getByRole('region', { name: '1 value differs between datasets' });
    await expect(conflicts).toContainText('The dashboard uses the value of the dataset imported later.');
    const conflict = conflicts.locator('tbody tr');
    await expect(conflict).toHaveCount(1);
    await expect(conflict.locator('th')).toContainText('Amman (JO-AMM) · 11.6.2 · 2017');
    await expect(conflict.locator('td').nth(0)).toContainText('36.1');
    await expect(conflict.locator('td').nth(0)).toContainText('from “amman-ministry.csv”');
    await expect(conflict.locator('td').nth(1)).toContainText('35.4');
    await expect(conflict.locator('td').nth(1)).toContainText('from “amman-air.csv”');
    expect(await page.evaluate(() => (navigator.storage as StorageManager & { persistCalls?: number }).persistCalls)).toBe(1);

    // The dashboard uses the merged data: 2015–2019, with the later value for 2017.
    await page.getByRole('link', { name: 'Indicator', exact: true }).click();
    await pickPlace(page, 'City', 'JO-AMM');
    await page.getByLabel('Indicator', { exact: true }).selectOption('11.6.2');
    await page.getByText('Data table').click();
    const table = page.locator('.data-table table');
    await expect(table.locator('tbody tr')).toHaveCount(5);
    await expect(table.getByRole('row', { name: /2017/ })).toContainText('36.1');

    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await datasetRow(page, 'amman-ministry.csv').getByRole('checkbox').uncheck();
    await expect(page.getByText('“amman-ministry.csv” is left out of the dashboard. It stays saved.')).toBeVisible();
    await expect(page.getByText('The dashboard uses 1 of 2 datasets.')).toBeVisible();
    await expect(page.getByText('The datasets in use do not contradict each other.')).toBeVisible();
    await page.reload();
    await expect(datasetRow(page, 'amman-ministry.csv').getByRole('checkbox')).not.toBeChecked();
    await expect(datasetRow(page, 'amman-ministry.csv')).toContainText('Left out');
    await page.screenshot({ path: '/tmp/marsad-datasets-en-1440.png', fullPage: true });
    await page.getByRole('link', { name: 'Indicator', exact: true }).click();
    await pickPlace(page, 'City', 'JO-AMM');
    await page.getByLabel('Indicator', { exact: true }).selectOption('11.6.2');
    await page.getByText('Data table').click();
    await expect(table.locator('tbody tr')).toHaveCount(4);
    await expect(table.getByRole('row', { name: /2017/ })).toContainText('35.4');
  });
});

test.describe('workspace backup', () => {
  test('export → fresh browser → import (replace) restores datasets, versions and mappings', async ({ page, browser }) => {
    await openData(page, 'en');
    await importFile(page, 'amman-air.csv', /^Import 4 observations$/);
    await importFile(page, { name: 'amman-air.csv', buffer: readFileSync(`${FIXTURES}amman-air-v2.csv`) }, /^Import 5 observations$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
    await expect(datasetRow(page, 'amman-air.csv').locator('td').nth(1)).toHaveText('v2');
    await importFile(page, 'amman-ministry.csv', /^Import 3 observations$/);
    await datasetRow(page, 'amman-ministry.csv').getByRole('checkbox').uncheck();
    await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}unmapped-budget.csv`);
    await page.getByRole('button', { name: 'Map the columns' }).click();
    await page.getByLabel('Place', { exact: true }).selectOption('city');
    await page.getByLabel('Metric', { exact: true }).selectOption('indicator');
    await page.getByLabel('Reading', { exact: true }).selectOption('value');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByText(/The mapping is saved/)).toBeVisible();
    await page.getByRole('button', { name: 'Discard' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export workspace' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^marsad-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await file.path();
    const envelope = JSON.parse(readFileSync(path, 'utf8')) as { format: string; version: number; app: { version: string }; datasets: unknown[]; mappings: unknown[] };
    expect(envelope).toMatchObject({ format: 'marsad-workspace', version: 1, app: { version: '0.1.0' } });
    expect(envelope.datasets).toHaveLength(2);
    expect(envelope.mappings).toHaveLength(1);

    // A fresh browser profile: nothing saved, the demo shows.
    const context = await browser.newContext();
    const fresh = await context.newPage();
    const problems: string[] = [];
    fresh.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    await openData(fresh, 'en');
    await expect(fresh.getByRole('row', { name: /marsad-demo\.csv/ })).toBeVisible();
    await fresh.getByLabel('Import workspace').setInputFiles(path);
    const choice = fresh.getByRole('group', { name: 'Import this workspace?' });
    await expect(choice).toContainText('holds 2 datasets and 1 saved column mappings');
    await choice.getByRole('button', { name: 'Replace my workspace' }).click();
    await expect(fresh.getByText('The workspace was replaced: 2 datasets restored. 1 column mapping saved.')).toBeVisible();
    await expect(datasetRow(fresh, 'amman-air.csv').locator('td').nth(1)).toHaveText('v2');
    await expect(datasetRow(fresh, 'amman-ministry.csv').getByRole('checkbox')).not.toBeChecked();
    await expect(fresh.getByRole('row', { name: /marsad-demo\.csv/ })).toBeHidden();
    await fresh.reload();
    await datasetRow(fresh, 'amman-air.csv').getByRole('button', { name: /^Earlier version \(1\)/ }).click();
    await fresh.getByRole('button', { name: /^Restore version 1/ }).click();
    await expect(datasetRow(fresh, 'amman-air.csv').locator('td').nth(3)).toHaveText('4');
    await expect(fresh.getByText('Saved column mappings (1)')).toBeVisible();
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const lang of ['en', 'ar'] as const) {
    test(`${lang}: a wrong, newer or damaged workspace file is refused with a clear message and changes nothing`, async ({ page }) => {
      await openData(page, lang);
      await importFile(page, 'amman-air.csv', lang === 'en' ? /^Import 4 observations$/ : /^استيراد 4 مشاهدات$/);
      await expect(datasetRow(page, 'amman-air.csv')).toBeVisible();
      const before = await page.locator('.dataset-table tbody').innerText();
      const importLabel = lang === 'en' ? 'Import workspace' : 'استورد مساحة عمل';

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: lang === 'en' ? 'Export workspace' : 'صدّر مساحة العمل' }).click();
      const good = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { version: number; datasets: Array<{ name: string; current: { table: { columns: Record<string, string> } } }> };
      const newer = { ...good, version: 7 };
      const damaged = structuredClone(good);
      const first = damaged.datasets[0];
      if (first) first.current.table.columns.value = 'AAAA';

      const cases = [
        { file: { name: 'not-a-workspace.json', mimeType: 'application/json', buffer: readFileSync(`${FIXTURES}not-a-workspace.json`) }, en: 'not-a-workspace.json is not a Marsad workspace file. Choose a file made with “Export workspace”. Nothing was changed.', ar: 'الملف not-a-workspace.json ليس ملف مساحة عمل لمرصد. اختر ملفًا أُنشئ بزر «صدّر مساحة العمل». لم يتغيّر شيء.' },
        { file: { name: 'data.json', mimeType: 'application/json', buffer: Buffer.from('city,year\nAmman,2020') }, en: 'data.json is not a Marsad workspace file (it is not JSON).', ar: 'الملف data.json ليس ملف مساحة عمل لمرصد (ليس بصيغة JSON).' },
        { file: { name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) }, en: 'newer.json was exported by a newer version of Marsad (workspace format 7). Update Marsad to open it. Nothing was changed.', ar: 'صُدّر الملف newer.json من إصدار أحدث من مرصد (صيغة مساحة العمل 7). حدّث مرصد لفتحه. لم يتغيّر شيء.' },
        { file: { name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) }, en: 'The dataset “amman-air.csv” in damaged.json is damaged', ar: 'مجموعة البيانات «amman-air.csv» في الملف damaged.json تالفة' },
      ];
      for (const c of cases) {
        await page.getByLabel(importLabel).setInputFiles(c.file);
        await expect(page.locator('.workspace .message-error')).toContainText(c[lang]);
        await expect(page.locator('.workspace-choice')).toBeHidden();
      }
      expect(await page.locator('.dataset-table tbody').innerText()).toBe(before);
      await page.reload();
      await expect(datasetRow(page, 'amman-air.csv')).toBeVisible();
      expect(await page.locator('.dataset-table tbody').innerText()).toBe(before);
    });
  }
});

test.describe('accessibility of the Data view', () => {
  for (const lang of ['en', 'ar'] as const) {
    test(`no serious or critical axe violations with the mapping form open: ${lang}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: lang === 'ar' ? PHONE : DESKTOP });
      const page = await context.newPage();
      await page.goto(`./#/data?lang=${lang}`);
      await expect(page.locator('.dataset-table')).toBeVisible();
      await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}unmapped-budget.csv`);
      await page.getByRole('button', { name: lang === 'en' ? 'Map the columns' : 'عيّن الأعمدة' }).click();
      await expect(page.locator('section.mapping')).toBeVisible();
      await page.getByText(lang === 'en' ? 'Saved column mappings (0)' : 'تعيينات الأعمدة المحفوظة (لا يوجد)').click();
      if (lang === 'en') await page.screenshot({ path: '/tmp/marsad-mapping-en-1440.png', fullPage: true });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    });
  }
});

test.describe('since the last review', () => {
  test('the report compares the data now with an earlier version of the dataset: new points and status changes, printed with the report', async ({ page }) => {
    await openData(page, 'en');
    await importFile(page, 'amman-air.csv', /^Import 4 observations$/);
    await importFile(page, { name: 'amman-air.csv', buffer: readFileSync(`${FIXTURES}amman-air-v2.csv`) }, /^Import 5 observations$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
    await expect(datasetRow(page, 'amman-air.csv').locator('td').nth(1)).toHaveText('v2');

    await page.goto('./#/report?lang=en&city=JO-AMM');
    const review = page.getByTestId('report-review');
    const select = review.getByLabel('Since the last review');
    await expect(select.locator('option')).toHaveCount(2);
    await select.selectOption({ index: 1 });
    await expect(review.getByRole('heading', { name: 'Since the last review' })).toBeVisible();
    await expect(review).toContainText(/Compared with the data of the last review: amman-air\.csv, version 1 \(imported .+\), with the same method\./);
    await expect(review.locator('.review-summary')).toHaveText('Amman — new or revised data points: 1; indicators improved: 0, worsened: 0, newly reported or assessed: 0, no longer reported: 0.');
    await select.selectOption({ index: 0 });
    await expect(review.locator('.review-summary')).toHaveCount(0);
  });

  test('the overview shows what changed since the version chosen; the choice is kept in the report, back on the overview and in Arabic at 390 px', async ({ page }) => {
    // Version 2: PM2.5 rises again in 2019 (its status worsens) and 11.2.1 is reported for the first time.
    const v2 = [readFileSync(`${FIXTURES}amman-air.csv`, 'utf8').trimEnd(), 'Amman,JO-AMM,11.6.2,2019,45.0,µg/m³', 'Amman,JO-AMM,11.2.1,2015,40,', 'Amman,JO-AMM,11.2.1,2020,55,'].join('\n');
    await openData(page, 'en');
    await importFile(page, 'amman-air.csv', /^Import 4 observations$/);
    await importFile(page, { name: 'amman-air.csv', buffer: Buffer.from(v2) }, /^Import 7 observations$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
    await expect(datasetRow(page, 'amman-air.csv').locator('td').nth(1)).toHaveText('v2');

    await page.goto('./#/overview?lang=en&city=JO-AMM');
    await expect(page.getByRole('heading', { level: 1, name: 'City overview' })).toBeVisible();
    // Nothing about the last review until one is chosen.
    await expect(page.getByTestId('overview-review')).toHaveCount(0);
    const select = page.locator('.toolbar').getByLabel('Since the last review');
    await expect(select.locator('option')).toHaveText(['Not compared', /^amman-air\.csv, version 1 \(imported .+\)$/]);
    await select.selectOption({ index: 1 });
    const review = page.getByTestId('overview-review');
    await expect(review.getByRole('heading', { name: 'Since the last review' })).toBeVisible();
    await expect(review).toContainText(/Compared with the data of the last review: amman-air\.csv, version 1 \(imported .+\), with the same method\./);
    const summary = 'Amman — new or revised data points: 3; indicators improved: 0, worsened: 1, newly reported or assessed: 1, no longer reported: 0.';
    await expect(review.locator('.review-summary')).toHaveText(summary);
    const rows = review.getByRole('table', { name: 'What changed for Amman since the last review' }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-change', 'worsened');
    await expect(rows.nth(0).getByRole('rowheader')).toContainText('11.6.2');
    await expect(rows.nth(0).locator('.review-now')).toContainText('Deterioration');
    await expect(rows.nth(1)).toHaveAttribute('data-change', 'newly');
    await expect(rows.nth(1).locator('.review-then')).toContainText('Not reported or not assessed');
    await expect(rows.nth(1).locator('.review-change')).toContainText('Newly reported');
    expect(page.url()).toMatch(/[?&]review=/);
    const chosen = await select.inputValue();
    const axe = await new AxeBuilder({ page }).include('.toolbar').include('[data-testid="overview-review"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // The report compares with the same version, chosen once.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'City report' }).click();
    const report = page.getByTestId('report-review');
    await expect(report.getByLabel('Since the last review')).toHaveValue(chosen);
    await expect(report.locator('.review-summary')).toHaveText(summary);
    await expect(report.locator('tbody tr')).toHaveCount(2);
    // Back on the overview, still chosen; a row links to its indicator.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByTestId('overview-review').locator('.review-summary')).toHaveText(summary);
    await expect(page.getByTestId('overview-review').getByRole('link', { name: /11\.2\.1/ })).toHaveAttribute('href', /#\/indicator\?.*indicator=11\.2\.1/);

    // Arabic, on a phone: the same changes in Arabic, right to left, nothing wider than the screen.
    await page.setViewportSize(PHONE);
    await page.getByLabel('Language').selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const ar = page.getByTestId('overview-review');
    await expect(ar.getByRole('heading', { name: 'منذ المراجعة السابقة' })).toBeVisible();
    await expect(ar.locator('.review-summary')).toContainText('مؤشرات تحسّنت: 0، تراجعت: 1');
    await expect(ar.locator('tbody tr')).toHaveCount(2);
    await expect(ar.locator('tbody tr').first().locator('.review-change')).toContainText('تراجع');
    await expectNoPageOverflow(page);

    // Not compared: the section goes, the choice stays offered.
    await page.locator('.toolbar').getByLabel('منذ المراجعة السابقة').selectOption({ index: 0 });
    await expect(page.getByTestId('overview-review')).toHaveCount(0);
    expect(page.url()).not.toMatch(/[?&]review=/);
  });
});
