import { expect, FIXTURES, test } from './console-guard';

/**
 * Headline series (issue "Real observatory data, read right (2 of 2)", point 3): an indicator with two
 * series (PM2.5 and PM10) has no status until the user chooses its headline; the choice is made from
 * the indicator view or the Data view, is used by every view and survives a reload.
 */

test('choosing the headline series gives the indicator a status in every view, and the choice is kept', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./#/data?lang=en');
  await expect(page.locator('.dataset-table')).toBeVisible();
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}two-series.csv`);
  await page.getByRole('button', { name: /^Import 8 observations$/ }).click();
  await expect(page.getByText(/^Imported 8 observations/)).toBeVisible();

  // The Data view lists the ambiguous indicator.
  const choice = page.getByLabel('11.6.2 in two-series.csv');
  await expect(choice).toHaveValue('');

  // Before: no status for Aldport's 11.6.2 in the overview.
  await page.goto('./#/overview?lang=en&city=Aldport');
  const row = page.locator('tr[data-indicator="11.6.2"]');
  await expect(row).toContainText('Insufficient data');

  // The indicator view offers the series shown as the headline.
  await page.goto('./#/indicator?lang=en&city=Aldport&indicator=11.6.2');
  const group = page.getByRole('group', { name: 'Headline series' });
  await expect(group).toContainText('none is the headline');
  await page.getByLabel('Series', { exact: true }).selectOption('PM2.5');
  await group.getByRole('button', { name: 'Use “PM2.5” as the headline series' }).click();
  await expect(group).toContainText('Headline series: PM2.5.');

  await page.goto('./#/overview?lang=en&city=Aldport');
  await expect(row).not.toContainText('Insufficient data');

  // Kept after a reload, and shown in the Data view; clearing it there brings the ambiguity back.
  await page.goto('./#/data?lang=en');
  await page.reload();
  await expect(page.getByLabel('11.6.2 in two-series.csv')).toHaveValue('PM2.5');
  await page.getByLabel('11.6.2 in two-series.csv').selectOption('');
  await page.goto('./#/overview?lang=en&city=Aldport');
  await expect(row).toContainText('Insufficient data');
});
