import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { t } from '@/i18n/translate';
import { expect, test } from './console-guard';
import { placeInput, placeList, placeOption } from './place-picker-helpers';

/**
 * The place picker (issue "Real observatory data, read right (1 of 2): places", point 4) on a
 * published file of 250 fictional cities and a region: two cities share the name Kelmarsh and are told
 * apart by their code, one name carries an accent, two are Arabic. In English at 1440 px and in Arabic
 * at 390 px: typing filters, the list is capped with a line saying so, keyboard-only choice changes
 * the view's city and the URL, Escape restores, codes and folded spellings find places, groups by kind,
 * the list fits the phone and sits on the right in Arabic, axe finds nothing serious.
 */

const PREFIXES = ['Ash', 'Bel', 'Cor', 'Dun', 'El', 'Fen', 'Glen', 'Har', 'Ire', 'Kel', 'Lor', 'Mar', 'Nor', 'Oak', 'Pen', 'Quar', 'Ros', 'Sel', 'Tor', 'Ul', 'Ver', 'Wyn'];
const SUFFIXES = ['brook', 'ford', 'mere', 'stead', 'wick', 'ton', 'by', 'holm', 'dale', 'haven', 'moor'];
/** [name, code]: 242 made-up towns, two Kelmarshes, an accented name and two Arabic names. */
const CITIES: ReadonlyArray<readonly [string, string]> = [
  ...PREFIXES.flatMap((p, i) => SUFFIXES.map((s, j) => [`${p}${s}`, `XF-${String(i * SUFFIXES.length + j + 1).padStart(4, '0')}`] as const)),
  ['Kelmarsh', 'XF-9001'],
  ['Kelmarsh', 'XF-9002'],
  ['Évreaux-sur-Lande', 'XF-9003'],
  ['أم الرمال', 'XF-9101'],
  ['عين السراب', 'XF-9102'],
];
const TOTAL = CITIES.length + 1; // and the region

function manyCitiesCsv(): string {
  const rows = ['city,city_code,region,indicator,year,value'];
  CITIES.forEach(([name, code], i) => [2018, 2019, 2020].forEach((y, k) => rows.push(`${name},${code},,11.6.2,${y},${20 + (i % 17) - k}`)));
  [2018, 2019, 2020].forEach((y, k) => rows.push(`,XR-01,Northmoor Region,11.6.2,${y},${25 - k}`));
  return rows.join('\n');
}

async function publish(page: Page) {
  await page.route('**/data/manifest.json', (route) =>
    route.fulfill({ json: { datasets: [{ id: 'many-towns', name: 'Many towns', file: 'many-towns.csv', source: 'Fictional observatory' }] } }),
  );
  await page.route('**/data/many-towns.csv', (route) => route.fulfill({ body: manyCitiesCsv(), contentType: 'text/csv' }));
}

async function openOverview(page: Page, lang: 'en' | 'ar', city: string) {
  await page.goto(`./#/overview?lang=${lang}&city=${city}`);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.locator('.overview-table tr[data-indicator]').first()).toBeVisible();
  const input = placeInput(page, t(lang, 'overview.city'));
  await expect(input).toHaveAttribute('data-key', city);
  return { input, list: await placeList(input) };
}

async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const optionLabels = (list: ReturnType<Page['locator']>) => list.locator('[role="option"]').allTextContents();

test('English, 1440 px: type-ahead, capped list, same names told apart, keyboard choice, Escape, code search, groups, axe', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await publish(page);
  const { input, list } = await openOverview(page, 'en', 'XF-0001');
  await expect(input).toHaveValue('Ashbrook');

  // Opened without typing: the first 100 of every place, and a line saying how to see the rest.
  await input.click();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await expect(list.locator('[role="option"]')).toHaveCount(100);
  await expect(page.locator('.place-note')).toHaveText(`Type to narrow: 100 of ${TOTAL} shown`);
  await expect(placeOption(list, 'XF-0001')).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: '/tmp/place-picker-en-1440-open.png' });

  // Typing filters; the two Kelmarshes carry their codes; the first match is active.
  await input.fill('kelmars');
  await expect(list.locator('[role="option"]')).toHaveText(['Kelmarsh · XF-9001', 'Kelmarsh · XF-9002']);
  await expect(page.locator('.place-note')).toHaveCount(0);
  await expect(input).toHaveAttribute('aria-activedescendant', (await placeOption(list, 'XF-9001').getAttribute('id')) ?? '');
  await page.screenshot({ path: '/tmp/place-picker-en-1440-kelmarsh.png' });
  await expectNoSeriousAxe(page);

  // Keyboard only: ArrowDown to the second, Enter: the view and the URL follow; focus stays in the input.
  await page.keyboard.press('ArrowDown');
  await expect(placeOption(list, 'XF-9002')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/city=XF-9002/);
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(input).toHaveValue('Kelmarsh · XF-9002');
  await expect(input).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: t('en', 'overview.summaryTitle', { city: 'Kelmarsh' }) })).toBeVisible();

  // Escape closes and restores the chosen place; nothing changes.
  await page.keyboard.type('ash');
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(input).toHaveValue('Kelmarsh · XF-9002');
  await expect(page).toHaveURL(/city=XF-9002/);

  // By code, any case; accents need not be typed.
  await input.fill('xf-0007');
  await expect(list.locator('[role="option"]')).toHaveText(['Ashby']);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/city=XF-0007/);
  await input.fill('EVREAUX');
  await expect(list.locator('[role="option"]')).toHaveText(['Évreaux-sur-Lande']);
  await page.keyboard.press('Escape');

  // Home and End jump to the first and last option; Tab leaves without choosing.
  await input.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(list.locator('[role="option"]').last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(list.locator('[role="option"]').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(page).toHaveURL(/city=XF-0007/);

  // More than one kind: the matches are grouped under headings (cities, then regions).
  await input.fill('moor');
  await expect(list.getByRole('group')).toHaveCount(2);
  await expect(list.getByRole('group', { name: 'Cities' }).getByRole('option')).toHaveCount(PREFIXES.length);
  await expect(list.getByRole('group', { name: 'Regions' }).getByRole('option')).toHaveText(['Northmoor Region']);
  await expectNoSeriousAxe(page);
  await page.screenshot({ path: '/tmp/place-picker-en-1440-groups.png' });

  // The pointer: a click on an option chooses it.
  await list.getByRole('option', { name: 'Northmoor Region' }).click();
  await expect(page).toHaveURL(/city=XR-01/);
  await expect(input).toHaveValue('Northmoor Region');

  // Nothing matches: said in words, the list is not offered.
  await input.fill('zzz');
  await expect(page.locator('.place-note')).toHaveText('No place matches “zzz”.');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(input).toHaveValue('Northmoor Region');
});

test('Arabic, 390 px: Arabic spellings fold, codes tell the Kelmarshes apart, keyboard choice, the list fits and sits on the right', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await publish(page);
  const { input, list } = await openOverview(page, 'ar', 'XF-0001');

  // أم typed without its hamza, الرمال with a tatweel: found.
  await input.click();
  await input.fill('ام الرمـال');
  await expect(list.locator('[role="option"]')).toHaveText(['أم الرمال']);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/city=XF-9101/);
  await expect(input).toHaveValue('أم الرمال');

  await input.fill('kelmarsh');
  await expect(list.locator('[role="option"]')).toHaveText(['Kelmarsh · XF-9001', 'Kelmarsh · XF-9002']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/city=XF-9002/);
  await expect(input).toHaveValue('Kelmarsh · XF-9002');

  // Open on every place: the popup is as wide as the input, aligned on its right edge, inside the screen.
  await input.click();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.place-note')).toHaveText(t('ar', 'picker.narrow', { shown: 100, total: TOTAL }));
  const [box, popup] = await Promise.all([input.boundingBox(), page.locator('.place-popup').boundingBox()]);
  expect(box).not.toBeNull();
  expect(popup).not.toBeNull();
  if (box === null || popup === null) return;
  expect(Math.abs(popup.x + popup.width - (box.x + box.width))).toBeLessThanOrEqual(1);
  expect(popup.x).toBeGreaterThanOrEqual(0);
  expect(popup.x + popup.width).toBeLessThanOrEqual(390);
  expect(popup.y).toBeGreaterThan(box.y + box.height - 1);
  expect(popup.y + popup.height).toBeLessThanOrEqual(844);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // Kelmarsh lies beyond the first 100 places: the list opens on the part around it.
  await expect(placeOption(list, 'XF-9002')).toHaveAttribute('aria-selected', 'true');
  await expect(placeOption(list, 'XF-9002')).toBeInViewport();
  await page.screenshot({ path: '/tmp/place-picker-ar-390-open.png' });
  await expectNoSeriousAxe(page);

  // Arrow keys move, Escape restores.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(input).toHaveValue('Kelmarsh · XF-9002');
  await expect(page).toHaveURL(/city=XF-9002/);

  // Groups have Arabic headings.
  await input.fill('moor');
  await expect(list.getByRole('group', { name: t('ar', 'picker.group.region') }).getByRole('option')).toHaveText(['Northmoor Region']);
  await expect(list.getByRole('group', { name: t('ar', 'picker.group.city') })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/place-picker-ar-390-groups.png' });
  await page.keyboard.press('Escape');
  expect(await optionLabels(list)).toEqual([]);
});

test('every view picks its city with the picker: indicator, comparison city, NUA partner, report, compare', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await publish(page);

  await page.goto('./#/indicator?lang=en&city=XF-0001&indicator=11.6.2');
  const city = placeInput(page, 'City');
  await expect(city).toHaveAttribute('data-key', 'XF-0001');
  await city.fill('xf-9001');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/city=XF-9001/);
  await expect(page.locator('.indicator-status')).toHaveAttribute('data-city', 'XF-9001');
  // The comparison picker does not offer the city shown.
  const add = placeInput(page, 'Add a city');
  await add.fill('kelmarsh');
  await expect((await placeList(add)).locator('[role="option"]')).toHaveText(['Kelmarsh · XF-9002']);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/cities=XF-9002/);
  await expect(add).toHaveValue('');
  await page.screenshot({ path: '/tmp/place-picker-indicator-en-1440.png', fullPage: false });

  await page.goto('./#/nua?lang=en&city=XF-0001');
  const partner = placeInput(page, 'Compare with');
  await expect(partner).toHaveValue(t('en', 'nuaView.compareNone'));
  await partner.fill('xf-0002');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/cities=XF-0001(%2C|,)XF-0002/);

  await page.goto('./#/compare?lang=en&cities=XF-0001');
  const picker = page.getByRole('group', { name: 'Cities compared' });
  const addCity = placeInput(picker, 'Add a city');
  await addCity.fill('عين');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/cities=XF-0001(%2C|,)XF-9102/);
  await expect(addCity).toBeFocused();
  await expectNoSeriousAxe(page);
});
