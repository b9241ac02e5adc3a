import { ResponseFormatError, toArray } from '@registrar-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PorkbunFixture, startPorkbun } from './test/porkbun-test-setup.js';

// /domain/listAll pages by `start`, 1000 domains a page, no total (docs/providers/porkbun.md#domains).
describe('listDomains over more than one page of 1000', () => {
  let fixture: PorkbunFixture;
  beforeAll(async () => {
    fixture = await startPorkbun({ seed: { domains: 1001, recordsPerDomain: 0 } });
  });
  afterAll(() => fixture.close());

  it('reads both pages (start 0, then 1000) and every domain once', async () => {
    const { porkbun, emulator } = fixture;
    const from = emulator.requests.length;
    const names = (await toArray(porkbun.listDomains())).map((domain) => domain.name);
    expect(names).toHaveLength(1001);
    expect(new Set(names).size).toBe(1001);
    const starts = emulator.requests.slice(from).map((request) => (request.body as { start?: number }).start);
    expect(starts).toEqual([0, 1000]);
  });

  it('a second page that repeats the first is a ResponseFormatError bad_pagination, not a quiet end', async () => {
    const { porkbun, emulator } = fixture;
    emulator.setFaults([{ route: 'listDomains', fault: { type: 'repeat-first-page' } }]);
    try {
      const error = await toArray(porkbun.listDomains()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(error).toMatchObject({ code: 'bad_pagination', provider: 'porkbun', operation: 'listDomains' });
    } finally {
      emulator.setFaults([]);
    }
  });
});
