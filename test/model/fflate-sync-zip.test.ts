import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zip } from '@/model/fflate-sync-zip';

/** fflate's `zip` as the built site gives it to write-excel-file: same contract, no worker. */
describe('zip(data, [opts], callback) without workers', () => {
  const big = 'x'.repeat(400_000); // over the 160 KB from which fflate would start a blob: worker

  it('calls back after returning, with a ZIP that unzips to the same files', async () => {
    let returned = false;
    const out = await new Promise<Uint8Array>((resolve, reject) => {
      zip({ 'a.xml': strToU8(big), 'b.txt': strToU8('b') }, (err, data) => {
        expect(returned).toBe(true);
        if (err) reject(err);
        else resolve(data);
      });
      returned = true;
    });
    const files = unzipSync(out);
    expect(strFromU8(files['a.xml'] ?? new Uint8Array())).toBe(big);
    expect(strFromU8(files['b.txt'] ?? new Uint8Array())).toBe('b');
    expect(out.length).toBeLessThan(10_000); // compressed
  });

  it('takes options, and the returned function cancels the callback', async () => {
    const stored = await new Promise<Uint8Array>((resolve, reject) => zip({ 'a.xml': strToU8(big) }, { level: 0 }, (err, data) => (err ? reject(err) : resolve(data))));
    expect(stored.length).toBeGreaterThan(400_000);
    let called = false;
    const terminate = zip({ 'a.xml': strToU8('a') }, () => (called = true));
    terminate();
    await new Promise((r) => setTimeout(r, 20));
    expect(called).toBe(false);
  });
});
