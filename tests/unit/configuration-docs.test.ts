import fs from 'node:fs';
import path from 'node:path';

/** The README's configuration table, src/config.ts and docker-compose.yml name the same variables. */
const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

const readByCode = new Set([...read('src/config.ts').matchAll(/env(?:\.|, ')([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]));
const documented = new Set([...read('README.md').matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]));

describe('configuration', () => {
  it('documents in the README every environment variable src/config.ts reads, and no other', () => {
    expect([...documented].sort()).toEqual([...readByCode].sort());
  });

  it('gives the platform in docker-compose.yml only variables the code reads', () => {
    const compose = read('docker-compose.yml');
    const service = compose.slice(compose.indexOf('\n  privacyflow:'));
    const environment = service.slice(service.indexOf('environment:'), service.indexOf('network_mode:'));
    const names = [...environment.matchAll(/^ {6}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]).filter((n) => !n.startsWith('NPM_CONFIG_'));
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect({ name, readByCode: readByCode.has(name) }).toEqual({ name, readByCode: true });
  });
});
