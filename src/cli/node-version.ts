/**
 * The Node policy (README "Requirements", package.json `engines`: `^22.13.0 || >=24`) checked by the CLI
 * before it runs: on an older Node, `npx marsad` said only that `node:module` had no `enableCompileCache`.
 * Returns the message to print, or null when this Node is supported. Kept to the same range as `engines`
 * (a test compares them).
 */
export function unsupportedNodeMessage(version: string): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if ((major === 22 && minor >= 13) || major >= 24) return null;
  return `marsad: this is Node.js ${version}; Marsad needs Node.js 22 (22.13 or later) or 24 and later (a maintained LTS). Install one from https://nodejs.org/ or your system's packages, then run the command again.\n`;
}
