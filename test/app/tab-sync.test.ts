import { afterEach, describe, expect, it } from 'vitest';
import { openTabSync, type TabSync } from '@/app/tab-sync';

const open: TabSync[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('openTabSync(onOtherTabChange)', () => {
  it('a change announced in one tab reaches the others, not the tab itself', async () => {
    const heard = { a: 0, b: 0, c: 0 };
    const a = openTabSync(() => heard.a++, 'test-sync-1');
    const b = openTabSync(() => heard.b++, 'test-sync-1');
    const c = openTabSync(() => heard.c++, 'test-sync-1');
    open.push(a, b, c);
    a.announce();
    await wait(50);
    expect(heard).toEqual({ a: 0, b: 1, c: 1 });
  });

  it('ignores messages that are not ours (checked like any input from outside)', async () => {
    let heard = 0;
    open.push(openTabSync(() => heard++, 'test-sync-2'));
    const stranger = new BroadcastChannel('test-sync-2');
    for (const data of [null, 'data-changed', { type: 'other', tab: 'x' }, { type: 'data-changed', tab: 'x'.repeat(1000) }, { type: 'data-changed' }]) stranger.postMessage(data);
    stranger.postMessage({ type: 'data-changed', tab: 'other-tab' });
    await wait(50);
    stranger.close();
    expect(heard).toBe(1);
  });

  it('after close, nothing is heard', async () => {
    let heard = 0;
    const a = openTabSync(() => undefined, 'test-sync-3');
    const b = openTabSync(() => heard++, 'test-sync-3');
    open.push(a);
    b.close();
    a.announce();
    await wait(50);
    expect(heard).toBe(0);
  });
});
