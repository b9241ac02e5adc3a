import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import type { NamecheapState } from './namecheap-state.js';
import { emulatorStarter, nc, registerCoUk } from './namecheap-test-client.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const start = emulatorStarter({ rateLimits: false, now: () => NOW });

type Row = Record<string, string>;

async function privacyOf(emulator: RunningEmulator<NamecheapState>, domain: string) {
  const res = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: domain });
  const guard = res.command.DomainGetInfoResult.Whoisguard;
  return { enabled: guard['@_Enabled'] as string, id: guard.ID as string };
}

async function freeIds(emulator: RunningEmulator<NamecheapState>): Promise<string[]> {
  const res = await nc(emulator, 'namecheap.whoisguard.getList', { ListType: 'FREE' });
  return (res.command.WhoisguardGetListResult.Whoisguard as Row[]).map((row) => row['@_ID']!);
}

describe('Namecheap emulator: whoisguard (privacy) commands', () => {
  it('getList lists subscriptions with paging, filtered by ListType; an unknown ListType is 2011272', async () => {
    const emulator = await start();
    const all = await nc(emulator, 'namecheap.whoisguard.getList');
    const rows = all.command.WhoisguardGetListResult.Whoisguard as Row[];
    expect(rows[0]).toEqual({
      '@_ID': '480001',
      '@_DomainName': 'test-domain-1.com',
      '@_Created': '06/01/2026',
      '@_Expires': '01/15/2030',
      '@_Status': 'ENABLED',
    });
    expect(rows[1]).toMatchObject({ '@_DomainName': 'test-domain-2.com', '@_Status': 'DISABLED' });
    expect(rows.filter((r) => r['@_Status'] === 'unused')).toHaveLength(2);
    expect(all.command.Paging).toEqual({
      TotalItems: String(rows.length),
      CurrentPage: '1',
      PageSize: '20',
    });
    const free = await nc(emulator, 'namecheap.whoisguard.getList', { ListType: 'free' });
    expect((free.command.WhoisguardGetListResult.Whoisguard as Row[]).map((r) => r['@_DomainName'])).toEqual([
      '',
      '',
    ]);
    const alloted = await nc(emulator, 'namecheap.whoisguard.getList', { ListType: 'ALLOTED' });
    expect(alloted.command.WhoisguardGetListResult.Whoisguard).toHaveLength(rows.length - 2);
    const paged = await nc(emulator, 'namecheap.whoisguard.getList', { Page: 2, PageSize: 2 });
    expect((paged.command.WhoisguardGetListResult.Whoisguard as Row[]).map((r) => r['@_ID'])).toEqual([
      '480003',
      '480004',
    ]);
    const bad = await nc(emulator, 'namecheap.whoisguard.getList', { ListType: 'EXPIRING' });
    expect(bad.errors).toEqual([{ number: '2011272', text: 'ListType is invalid' }]);
  });

  it('enable and disable a subscription by WhoisguardID, as getInfo then reports', async () => {
    const emulator = await start();
    const second = await privacyOf(emulator, 'test-domain-2.com');
    expect(second.enabled).toBe('False');
    const on = await nc(emulator, 'namecheap.whoisguard.enable', {
      WhoisguardID: second.id,
      ForwardedToEmail: 'privacy@example.org',
    });
    expect(on.command.WhoisguardEnableResult).toEqual({
      '@_DomainName': 'test-domain-2.com',
      '@_IsSuccess': 'true',
    });
    const info = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'test-domain-2.com' });
    expect(info.command.DomainGetInfoResult.Whoisguard).toMatchObject({
      '@_Enabled': 'True',
      EmailDetails: { '@_ForwardedTo': 'privacy@example.org' },
    });
    const off = await nc(emulator, 'namecheap.whoisguard.disable', { WhoisguardID: second.id });
    expect(off.command.WhoisguardDisableResult).toEqual({
      '@_DomainName': 'test-domain-2.com',
      '@_IsSuccess': 'true',
    });
    expect((await privacyOf(emulator, 'test-domain-2.com')).enabled).toBe('False');
  });

  it('refuses with 2011331 (already on/off, unknown, unattached) and 2011369 (bad forwarding e-mail)', async () => {
    const emulator = await start();
    const first = await privacyOf(emulator, 'test-domain-1.com');
    const [free] = await freeIds(emulator);
    const cases: [string, Record<string, string>, string, string][] = [
      [
        'namecheap.whoisguard.enable',
        { WhoisguardID: first.id, ForwardedToEmail: 'a@example.org' },
        '2011331',
        'WhoisGuard is already enabled',
      ],
      ['namecheap.whoisguard.disable', { WhoisguardID: '999999' }, '2011331', 'WhoisGuard does not exist'],
      [
        'namecheap.whoisguard.disable',
        { WhoisguardID: free! },
        '2011331',
        'WhoisGuard is not attached to a domain',
      ],
      [
        'namecheap.whoisguard.enable',
        {
          WhoisguardID: (await privacyOf(emulator, 'test-domain-2.com')).id,
          ForwardedToEmail: 'not-an-email',
        },
        '2011369',
        'ForwardedToEmail is not valid',
      ],
      ['namecheap.whoisguard.enable', {}, '2010100', 'Parameter WhoisguardID is missing'],
    ];
    for (const [command, params, number, text] of cases) {
      const res = await nc(emulator, command, params);
      expect({ command, params, errors: res.errors }).toEqual({
        command,
        params,
        errors: [{ number, text }],
      });
    }
    expect((await nc(emulator, 'namecheap.whoisguard.disable', { WhoisguardID: first.id })).ok).toBe(true);
    const again = await nc(emulator, 'namecheap.whoisguard.disable', { WhoisguardID: first.id });
    expect(again.errors).toEqual([{ number: '2011331', text: 'WhoisGuard is already disabled' }]);
  });

  it('allot attaches a free subscription to a domain without one (NotAlloted), off unless EnableWG=True', async () => {
    const emulator = await start();
    expect(await privacyOf(emulator, 'xn--bcher-kva.com')).toEqual({ enabled: 'NotAlloted', id: '0' });
    const [free] = await freeIds(emulator);
    const res = await nc(emulator, 'namecheap.whoisguard.allot', {
      WhoisguardId: free!,
      DomainName: 'xn--bcher-kva.com',
    });
    expect(res.command.WhoisguardAllotResult).toEqual({
      '@_ID': free,
      '@_DomainName': 'xn--bcher-kva.com',
      '@_IsSuccess': 'true',
    });
    expect(await privacyOf(emulator, 'xn--bcher-kva.com')).toEqual({ enabled: 'False', id: free });
    expect(await freeIds(emulator)).toHaveLength(1);
    const twice = await nc(emulator, 'namecheap.whoisguard.allot', {
      WhoisguardId: (await freeIds(emulator))[0]!,
      DomainName: 'xn--bcher-kva.com',
    });
    expect(twice.errors).toEqual([{ number: '2011331', text: 'WhoisGuard is already attached' }]);
  });

  it('allot with EnableWG=True turns privacy on; a TLD without privacy (IsDisableWGAllot) is 2011280', async () => {
    const emulator = await start();
    const [first, second] = await freeIds(emulator);
    const on = await nc(emulator, 'namecheap.whoisguard.allot', {
      WhoisguardId: first!,
      DomainName: 'xn--bcher-kva.com',
      EnableWG: 'True',
      ForwardedToEmail: 'fwd@example.org',
    });
    expect(on.ok, JSON.stringify(on.errors)).toBe(true);
    const info = await nc(emulator, 'namecheap.domains.getInfo', { DomainName: 'xn--bcher-kva.com' });
    expect(info.command.DomainGetInfoResult.Whoisguard).toMatchObject({
      '@_Enabled': 'True',
      EmailDetails: { '@_ForwardedTo': 'fwd@example.org' },
    });
    const tlds = await nc(emulator, 'namecheap.domains.getTldList');
    const couk = (tlds.command.Tlds.Tld as Row[]).find((t) => t['@_Name'] === 'co.uk');
    expect(couk?.['@_IsDisableWGAllot']).toBe('true');
    await registerCoUk(emulator);
    const refused = await nc(emulator, 'namecheap.whoisguard.allot', {
      WhoisguardId: second!,
      DomainName: 'example.co.uk',
    });
    expect(refused.errors).toEqual([{ number: '2011280', text: 'WhoisGuard is not available for .co.uk' }]);
  });
});
