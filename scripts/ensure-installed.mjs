// Installs dependencies when node_modules is missing or was installed from another package-lock.json.
// Plain Node with no dependencies: it runs before anything is installed.
// The lock file's hash, not its timestamp: a fresh checkout (clone, worktree, CI) gives the same lock
// a new mtime, and an install that did not change must not be redone.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const marker = 'node_modules/.privacyflow-installed';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const installed = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
if (installed !== lockHash) {
  console.log('[privacyflow] installing dependencies (npm ci) ...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(marker, `${lockHash}\n`);
}
