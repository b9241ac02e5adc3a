/**
 * The CommonJS build works end to end (DESIGN.md, "Promises every adapter keeps"): required from a
 * plain .cjs script, it prices, registers and writes a record against the emulator (testkit's
 * CommonJS build). Runs after `pnpm build` (as `pnpm test` does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
const emulators = fileURLToPath(new URL('../../testkit/dist/emulators.cjs', import.meta.url));

describe('the published CommonJS build', () => {
  it.skipIf(!existsSync(dist) || !existsSync(emulators))(
    'runs a registration end to end from require()',
    () => {
      const script = `
      const { createPorkbun, porkbunProviderInfo } = require(${JSON.stringify(dist)});
      const { startPorkbunEmulator, PORKBUN_API_PREFIX } = require(${JSON.stringify(emulators)});
      (async () => {
        const emulator = await startPorkbunEmulator({ rateLimits: false });
        const porkbun = createPorkbun({
          baseURL: emulator.url + PORKBUN_API_PREFIX,
          apiKey: emulator.seedInfo.credentials.apiKey,
          secretApiKey: emulator.seedInfo.credentials.secretApiKey,
          rateLimit: false,
        });
        try {
          const prices = await porkbun.listTldPrices();
          const order = await porkbun.registerDomain({ domain: 'available-name.com' });
          const record = await porkbun.createRecord('available-name.com', { type: 'A', name: 'www', content: '192.0.2.1' });
          console.log(JSON.stringify({
            id: porkbunProviderInfo.id,
            com: prices.find((p) => p.tld === 'com').register.amount,
            cost: order.cost.amount,
            record: [record.fqdn, record.ttl],
            ledger: emulator.ledger.length,
          }));
        } finally {
          await porkbun.close();
          await emulator.close();
        }
      })().catch((error) => { console.error(error); process.exit(1); });
    `;
      const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual({
        id: 'porkbun',
        com: '12.99',
        cost: '12.99',
        record: ['www.available-name.com', 600],
        ledger: 1,
      });
    },
  );
});
