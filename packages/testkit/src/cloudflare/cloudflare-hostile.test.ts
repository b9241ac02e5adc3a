import { describe, expect, it } from 'vitest';
import { cloudflareClient, cloudflareEmulators, registrarPath } from '../test/cloudflare-test-client.js';

const start = cloudflareEmulators();

describe('Cloudflare emulator: lying pages (hostile.lyingPages)', () => {
  it('the registrations list answers every later page with the cursor it was asked with', async () => {
    const emu = await start({ rateLimits: false, seed: { domains: 5 } });
    const [repeating] = emu.hostile!.lyingPages!('listDomains');
    emu.setFaults(repeating!.rules);
    const api = cloudflareClient(emu);
    const first = await api('GET', registrarPath('/registrations?per_page=2'));
    const cursor = first.json.result_info.cursor;
    expect(cursor).not.toBe('');
    const second = await api('GET', registrarPath(`/registrations?per_page=2&cursor=${cursor}`));
    expect(second.json.result).toHaveLength(2);
    expect(second.json.result_info.cursor).toBe(cursor);
  });

  it('the record list claims a million pages and answers empty ones after the first', async () => {
    const emu = await start({ rateLimits: false, seed: { domains: 1, recordsPerDomain: 5 } });
    const api = cloudflareClient(emu);
    const zone = (await api('GET', `/zones?name=${emu.seedInfo.ownedDomains[0]}`)).json.result[0].id;
    const [endless] = emu.hostile!.lyingPages!('listRecords');
    emu.setFaults(endless!.rules);
    const first = await api('GET', `/zones/${zone}/dns_records?page=1&per_page=2`);
    expect(first.json.result).toHaveLength(2);
    expect(first.json.result_info).toMatchObject({ total_pages: 1_000_000, total_count: 1_000_000 });
    const later = await api('GET', `/zones/${zone}/dns_records?page=2&per_page=2`);
    expect(later.json.result).toEqual([]);
    expect(later.json.result_info.total_pages).toBe(1_000_000);
  });
});
