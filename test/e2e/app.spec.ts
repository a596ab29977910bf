import { expect, FIXTURES, test } from './console-guard';
import { expectPlace, pickPlace, placeInput, placeOptions } from './place-picker-helpers';

test.describe('opening the app', () => {
  test('shows the illustrative demo: the city overview, then an indicator with its chart', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByText('Illustrative data — fictional cities')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'City overview' })).toBeVisible();
    // The canonical state is written into the hash.
    await expect(page).toHaveURL(/#\/overview\?lang=en&city=[^&]+/);
    // Every view is one click away.
    for (const name of ['Overview', 'Indicator', 'Compare cities', 'NUA priorities', 'Data']) await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Indicator', exact: true }).click();
    await expect(page).toHaveURL(/#\/indicator\?/);
    const chart = page.getByTestId('chart').first();
    await expect(chart.locator('svg, canvas').first()).toBeVisible();
    await expect(chart).toHaveAttribute('dir', 'ltr');
    // The accessible alternative: a data table under the chart.
    await page.getByText('Data table').click();
    await expect(page.getByRole('columnheader', { name: 'Year' })).toBeVisible();
  });

  test('opens in Arabic, right to left, with ?lang=ar', async ({ page }) => {
    await page.goto('./?lang=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('heading', { level: 1, name: 'نظرة عامة على المدينة' })).toBeVisible();
    await expect(page.getByText('بيانات توضيحية — مدن خيالية')).toBeVisible();
    await expect(page).toHaveURL(/#\/overview\?lang=ar/);
    // Digits: Latin by default, Arabic-Indic on request.
    const main = page.locator('#main');
    await expect(main).toContainText(/[0-9]/);
    await page.getByLabel('الأرقام').selectOption('arab');
    await expect(main).toContainText(/[٠-٩]/);
  });

  test('a link made of query parameters before the # opens that view', async ({ page }) => {
    await page.goto('./?lang=es&view=compare&cities=XD-WNR,XD-BSH&method=unsd');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page).toHaveURL(/#\/compare\?lang=es&cities=XD-WNR%2CXD-BSH&method=unsd$/);
    await expect(page.getByRole('link', { name: 'Comparar ciudades' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Método de medición del progreso')).toHaveValue('unsd');
  });

  test('reads the state from the hash: deep link to Data in Arabic', async ({ page }) => {
    await page.goto('./#/data?lang=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'البيانات' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'البيانات' })).toHaveAttribute('aria-current', 'page');
  });

  test('switching language flips direction without reloading the data', async ({ page }) => {
    await page.goto('./');
    const city = placeInput(page, 'City');
    await expect(city).toBeVisible();
    const second = (await placeOptions(page, 'City'))[1]?.key ?? '';
    await pickPlace(page, 'City', second);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    await page.getByLabel('Language').selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'نظرة عامة على المدينة' })).toBeVisible();
    await expectPlace(page, 'المدينة', second);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.getByLabel('اللغة').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test('French and Spanish are complete', async ({ page }) => {
    await page.goto('./#/data?lang=fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1, name: 'Données' })).toBeVisible();
    await expect(page.getByText('Reading options')).toBeHidden();
    await page.goto('./#/overview?lang=es');
    await expect(page.getByRole('heading', { level: 1, name: /Panorama|Resumen|ciudad/i })).toBeVisible();
  });
});

test.describe('loading data', () => {
  test('a valid CSV becomes a saved dataset that survives a reload', async ({ page }) => {
    await page.goto('./#/data');
    await expect(page.getByRole('row', { name: /marsad-demo\.csv/ })).toBeVisible();
    // The file is read in the module worker (not the main-thread fallback).
    const worker = page.waitForEvent('worker');
    await page.getByLabel('Choose files').setInputFiles(`${FIXTURES}two-cities.csv`);
    expect((await worker).url()).toMatch(/ingest\.worker/);
    const result = page.locator('article.file-result');
    await expect(result.getByRole('heading', { name: 'two-cities.csv' })).toBeVisible();
    await expect(result.getByText('Long (one value per row)')).toBeVisible();
    await expect(result.getByText('UTF-8')).toBeVisible();
    await page.getByRole('button', { name: 'Import 10 observations' }).click();
    await expect(page.getByText('Imported 10 observations as “two-cities.csv”.')).toBeVisible();
    const row = page.getByRole('row', { name: /two-cities\.csv/ });
    await expect(row).toContainText('Only on this computer');
    await expect(row).toContainText('10');
    // The demo steps aside once the user has data of their own.
    await expect(page.getByText('Illustrative data — fictional cities')).toBeHidden();

    await page.reload();
    await expect(page.getByRole('row', { name: /two-cities\.csv/ })).toBeVisible();
    await page.getByRole('link', { name: 'Indicator', exact: true }).click();
    await expect(placeInput(page, 'City')).toBeVisible();
    expect((await placeOptions(page, 'City')).map((o) => o.label)).toContain('عمّان');
    // The view opens on the home city: the one the first import is most about.
    await expectPlace(page, 'City', 'JO-AMM');
    await pickPlace(page, 'City', 'LB-TYR');
    await page.getByLabel('Indicator', { exact: true }).selectOption('11.6.2');
    await expect(page.getByLabel('Indicator', { exact: true })).toHaveValue('11.6.2');
    await expect(page.getByTestId('chart').first().locator('svg').first()).toBeVisible();
  });

  test('a broken file shows located errors and leaves the saved datasets intact', async ({ page }) => {
    await page.goto('./#/data');
    await page.getByLabel('Choose files').setInputFiles(`${FIXTURES}two-cities.csv`);
    await page.getByRole('button', { name: 'Import 10 observations' }).click();
    await expect(page.getByRole('row', { name: /two-cities\.csv/ })).toBeVisible();

    await page.getByLabel('Choose files').setInputFiles(`${FIXTURES}broken.csv`);
    const report = page.locator('table.issues');
    await expect(report).toBeVisible();
    const nan = report.getByRole('row').filter({ hasText: 'is not a number' });
    await expect(nan).toContainText('Row 3, column "value": "abc" is not a number.');
    await expect(nan.getByRole('cell').nth(1)).toHaveText('3');
    await expect(nan.getByRole('cell').nth(2)).toHaveText('value');
    await expect(nan.getByRole('cell').nth(3)).toHaveText('abc');
    await expect(report.getByRole('row').filter({ hasText: 'a quoted cell is not closed' })).toContainText('Row 5');
    await expect(page.locator('table.counts')).toContainText('not_a_number');

    // Filter and sort work on the report.
    await page.getByLabel('Show').selectOption('warning');
    await expect(report).toContainText('No problems of this severity.');
    await page.getByLabel('Show').selectOption('all');
    await report.getByRole('button', { name: /Row/ }).click();
    await expect(report.getByRole('columnheader', { name: /Row/ })).toHaveAttribute('aria-sort', 'descending');

    // The report downloads as CSV with a BOM.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download report (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('broken-report.csv');

    await page.getByRole('button', { name: 'Discard' }).click();
    await expect(report).toBeHidden();
    await page.reload();
    const rows = page.locator('.dataset-table tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('two-cities.csv');
  });

  test('deleting a dataset can be undone, exactly', async ({ page }) => {
    await page.goto('./#/data');
    await page.getByLabel('Choose files').setInputFiles(`${FIXTURES}two-cities.csv`);
    await page.getByRole('button', { name: 'Import 10 observations' }).click();
    const row = page.getByRole('row', { name: /two-cities\.csv/ });
    await expect(row).toBeVisible();
    const before = await row.innerText();

    await page.getByRole('button', { name: 'Delete “two-cities.csv”' }).click();
    await expect(row).toBeHidden();
    await expect(page.getByText('Deleted “two-cities.csv”.')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(row).toBeVisible();
    expect(await row.innerText()).toBe(before);

    await page.reload();
    await expect(page.getByRole('row', { name: /two-cities\.csv/ })).toBeVisible();
    expect(await page.getByRole('row', { name: /two-cities\.csv/ }).innerText()).toBe(before);
  });

  test('cancelling a long read saves nothing', async ({ page }) => {
    await page.goto('./#/data');
    await expect(page.getByRole('row', { name: /marsad-demo\.csv/ })).toBeVisible();
    const lines = ['city,indicator,year,value'];
    for (let i = 0; i < 600_000; i++) lines.push(`City ${i % 50},11.6.2,${2000 + (i % 25)},${(i % 97) + 0.5}`);
    await page.getByLabel('Choose files').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await expect(page.getByRole('progressbar')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Reading was cancelled. Nothing was saved.')).toBeVisible();
    await expect(page.getByRole('progressbar')).toBeHidden();
    await expect(page.locator('table.issues')).toBeHidden();
    await page.reload();
    await expect(page.getByRole('row', { name: /marsad-demo\.csv/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /big\.csv/ })).toBeHidden();
  });

  test('hostile cell text is shown as text and never runs', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto('./#/data');
    await page.getByLabel('Choose files').setInputFiles(`${FIXTURES}hostile.csv`);
    await expect(page.locator('table.issues')).toContainText('<img src=x onerror=alert(1)>');
    await page.getByRole('button', { name: /^Import \d+ observations$/ }).click();
    await expect(page.getByRole('row', { name: /hostile\.csv/ })).toBeVisible();
    await page.getByRole('link', { name: 'Indicator', exact: true }).click();
    await pickPlace(page, 'City', '<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('chart').first().locator('svg').first()).toBeVisible();
    await page.getByTestId('chart').first().hover();
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'City overview' })).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});
