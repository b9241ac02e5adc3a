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

  it.skipIf(!existsSync(dist))('retries a request from the CommonJS build (p-retry is ESM-only)', () => {
    const script = `
      const http = require('node:http');
      const core = require(${JSON.stringify(dist)});
      let hits = 0;
      const server = http.createServer((req, res) => {
        hits++;
        res.writeHead(hits === 1 ? 503 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: hits > 1 }));
      });
      server.listen(0, '127.0.0.1', async () => {
        const transport = core.createTransport({
          provider: 'cjs-check',
          baseURL: 'http://127.0.0.1:' + server.address().port,
          credentials: () => ({}),
          retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
        });
        try {
          const response = await transport.request({ operation: 'read', method: 'GET', path: '/x', schema: undefined });
          console.log(JSON.stringify({ status: response.status, hits }));
        } catch (error) {
          console.log(JSON.stringify({ error: String(error && error.message) }));
        } finally {
          await transport.close();
          server.close();
        }
      });
    `;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ status: 200, hits: 2 });
  });
});
