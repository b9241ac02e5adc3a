import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));

describe('the published build', () => {
  it.skipIf(!existsSync(dist))(
    'can be required from a .cjs file and imported from ESM, sharing the error brand',
    () => {
      const script = `
      const core = require(${JSON.stringify(dist)});
      const e = new core.NotFoundError('x', { provider: 'dnsimple' });
      import(${JSON.stringify(dist.replace(/\.cjs$/, '.js'))}).then((esm) => {
        console.log(JSON.stringify({
          cjs: typeof core.createTransport,
          crossInstance: e instanceof esm.NotFoundError && esm.isRegistrarError(e),
          name: core.normalizeDomainName('Bücher.Example.'),
        }));
      });
    `;
      const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual({
        cjs: 'function',
        crossInstance: true,
        name: 'xn--bcher-kva.example',
      });
    },
  );
});
