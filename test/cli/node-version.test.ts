import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '@/cli/node-version';

describe('the CLI’s Node check', () => {
  it.each(['22.13.0', '22.20.1', '24.0.0', '24.11.1', '26.1.0', 'v24.3.0'])('runs on Node %s', (version) => {
    expect(unsupportedNodeMessage(version)).toBeNull();
  });

  it.each(['20.20.2', '22.12.0', '22.0.0', '23.11.0', '18.19.1', 'v20.19.0', ''])('refuses Node %s, naming it and the versions it needs', (version) => {
    const message = unsupportedNodeMessage(version);
    expect(message).toContain(`Node.js ${version};`);
    expect(message).toContain('Node.js 22 (22.13 or later) or 24 and later');
  });

  it('follows package.json’s engines (update both together)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('^22.13.0 || >=24');
  });
});
