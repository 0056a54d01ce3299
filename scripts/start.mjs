// `npm start` on a fresh clone: install what is missing, compile, serve.
import { execSync } from 'node:child_process';

execSync('node scripts/ensure-installed.mjs', { stdio: 'inherit' });
console.log('[privacyflow] compiling ...');
execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit' });
await import('../dist/src/main.js');
