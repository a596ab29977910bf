import type { Page } from '@playwright/test';
import { t } from '@/i18n/translate';
import { expect, test } from './console-guard';

/**
 * "Leave no one behind": fictional Port Ruri's access to public transport (11.2.1, higher is better) by
 * sex (2015 and 2022) and by age (2022 only), published with the site. The indicator view says which
 * group does best and worst and how the gap changed, draws both years and exports the figure; the city
 * report carries the same figures. English at 1440 px, Arabic at 390 px.
 */

const CSV = [
  'city,indicator,year,value,sex,age',
  'Port Ruri,11.2.1,2015,60,,',
  'Port Ruri,11.2.1,2022,70,,',
  'Port Ruri,11.2.1,2015,66,Male,',
  'Port Ruri,11.2.1,2015,52,Female,',
  'Port Ruri,11.2.1,2022,73,Male,',
  'Port Ruri,11.2.1,2022,67,Female,',
  'Port Ruri,11.2.1,2022,58,,65+',
  'Port Ruri,11.2.1,2022,75,,15-64',
].join('\n');

async function publish(page: Page) {
  await page.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [{ id: 'port-ruri', name: 'Port Ruri', file: 'port-ruri.csv' }] } }));
  await page.route('**/data/port-ruri.csv', (route) => route.fulfill({ body: CSV, contentType: 'text/csv' }));
}

for (const [lang, width] of [
  ['en', 1440],
  ['ar', 390],
] as const) {
  test(`the gap between groups: sentences, figure and export in the indicator view, and in the report (${lang}, ${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await publish(page);
    await page.goto(`./#/indicator?lang=${lang}&city=Port%20Ruri&indicator=11.2.1`);
    const panel = page.getByTestId('gap-panel');
    await expect(panel.getByRole('heading', { name: t(lang, 'gap.heading') })).toBeVisible();
    const sex = panel.locator('.gap-dimension[data-column="sex"]');
    await expect(sex.locator('.gap-sentences li')).toHaveCount(2);
    await expect(sex.locator('.gap-sentences li').nth(1)).toContainText(lang === 'en' ? 'it has narrowed by 8.0' : '8.0');
    await expect(sex.locator('[data-testid="chart"] svg')).toBeVisible();
    await expect(panel.locator('.gap-dimension[data-column="age"] .gap-sentences li').nth(1)).toHaveText(t(lang, 'gap.noBase'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await sex.locator('.figure-export summary').click();
    const download = page.waitForEvent('download');
    await sex.locator('.figure-export button').first().click();
    expect((await download).suggestedFilename()).toBe(`port-ruri_11-2-1_gap-sex_${lang}.svg`);

    await page.goto(`./#/report?lang=${lang}&city=Port%20Ruri`);
    await expect(page.locator(`.report-indicator[data-indicator="11.2.1"] .report-figure[data-file="port-ruri_11-2-1_gap-sex_${lang}"] svg`).first()).toBeVisible();
  });
}
