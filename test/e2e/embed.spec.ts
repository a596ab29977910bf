import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { t } from '@/i18n/translate';
import { expect, test } from './console-guard';

/**
 * Embedding a chart: the indicator view gives the <iframe> code; pasted into a plain page of another
 * origin it shows the figure (title, chart, source), with a link to the full view, in the language of
 * the link; a city the site has no data for is said, never replaced.
 */

test('the indicator view gives an <iframe> that shows the chart on another page, in English and Arabic', async ({ page, baseURL }) => {
  await page.goto('./#/indicator?lang=en&city=XD-WNR&indicator=11.6.2');
  const snippet = page.getByTestId('embed-snippet');
  await snippet.locator('summary').click();
  const code = await snippet.locator('textarea').inputValue();
  expect(code).toMatch(/^<iframe src="http:\/\/localhost:\d+\/#\/embed\/indicator\?lang=en&amp;city=XD-WNR&amp;indicator=11\.6\.2" title="[^"]+" width="800" height="620"/);

  // A plain page on another port (another origin) with the code pasted in, as a partner city's site would.
  let lang: 'en' | 'ar' = 'en';
  const partner = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Partner site</title><h1>Our partner city</h1>${code.replace('lang=en', `lang=${lang}`)}`);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const port = (partner.address() as AddressInfo).port;
  for (const l of ['en', 'ar'] as const) {
    lang = l;
    await page.goto(`http://127.0.0.1:${port}/`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('embed').locator('.embed-figure > svg')).toBeVisible();
    await expect(frame.getByTestId('embed').locator('.embed-figure > svg')).toContainText('11.6.2');
    const link = frame.getByRole('link', { name: t(l, 'embed.open') });
    await expect(link).toHaveAttribute('href', new RegExp(`#/indicator\\?lang=${l}&city=XD-WNR&indicator=11\\.6\\.2$`));
    await expect(link).toHaveAttribute('target', '_blank');
    // No navigation inside the frame.
    await expect(frame.locator('nav')).toHaveCount(0);
  }
  partner.close();

  await page.goto(`${baseURL ?? ''}#/embed/indicator?lang=en&city=Nowhere&indicator=11.6.2`);
  await expect(page.getByTestId('embed').getByRole('status')).toHaveText(t('en', 'embed.noCity', { city: 'Nowhere' }));
});
