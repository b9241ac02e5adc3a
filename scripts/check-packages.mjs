#!/usr/bin/env node
// Runs publint and @arethetypeswrong/cli on every publishable (non-private) workspace package.
// Packages must be built first. Exits non-zero when any check fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);

let failed = 0;
for (const dir of dirs) {
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  for (const [label, command, args] of [
    ['publint', 'publint', ['--strict']],
    ['attw', 'attw', ['--pack', '.', '--format', 'ascii', '--profile', 'node16']],
  ]) {
    try {
      const output = execFileSync('pnpm', ['exec', command, ...args], {
        cwd: dir,
        stdio: 'pipe',
        encoding: 'utf8',
      });
      // attw exits 0 for a package without types: that is a failure for us.
      if (/does not contain types/.test(output))
        throw Object.assign(new Error('no types'), { stdout: output });
      console.log(`ok    ${label.padEnd(8)} ${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL  ${label.padEnd(8)} ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
console.log(failed === 0 ? `${dirs.length} packages: publint and attw pass` : `${failed} check(s) failed`);
process.exit(failed === 0 ? 0 : 1);
