import { AVAILABILITY_STATUSES, type AvailabilityStatus } from '@registrar-kit/core';
import fc from 'fast-check';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDomainr } from './domainr-registrar.js';
import {
  DOMAINR_FLAG_STATUS,
  DOMAINR_FLAGS,
  interpretStatusFlags,
  splitStatusFlags,
} from './domainr-status-flags.js';

const UNKNOWN = 'Domainr could not get an authoritative answer (often registry maintenance); retry later';
const UNDELEGATED =
  'not delegated in DNS; Domainr did not determine whether it is registered (also its best-effort answer after its 30-second limit)';
const PREMIUM = 'premium name sold by the registry at a premium price';

/** raw status → [status, available, premium, reason]. Sources: docs/providers/domainr.md#status-flags, the emulator's table. */
const FLAG_CASES: [string, AvailabilityStatus, boolean, boolean, string | null][] = [
  // Seed (2015 preview) table, one flag at a time, and its examples.
  ['unknown', 'unknown', false, false, UNKNOWN],
  ['undelegated', 'unknown', false, false, UNDELEGATED],
  ['inactive', 'available', true, false, null],
  ['pending', 'unregistrable', false, false, 'the TLD is not (yet) in the root zone'],
  ['unregistrable', 'unregistrable', false, false, 'no registrar sells names in this zone'],
  ['disallowed', 'unregistrable', false, false, 'disallowed by the registry, ICANN or other rules'],
  ['claimed', 'reserved', false, false, 'claimed by some party; not open for registration'],
  ['reserved', 'reserved', false, false, 'reserved by ICANN, the registry or another party'],
  ['dpml', 'reserved', false, false, 'blocked under the Domains Protected Marks List (trademark block)'],
  ['invalid', 'invalid', false, false, 'technically invalid (too long, too short or bad characters)'],
  ['active', 'registered', false, false, null],
  ['parked', 'registered', false, false, 'registered: parked'],
  ['marketed', 'registered', false, false, 'registered: for sale on the aftermarket (marketed)'],
  ['premium', 'premium', true, true, PREMIUM],
  ['suffix', 'unregistrable', false, false, 'a public suffix (publicsuffix.org), not a registrable name'],
  ['registrar', 'registered', false, false, 'registered: controlled by a registrar'],
  ['zone', 'unregistrable', false, false, 'a zone (domain extension), not a registrable name'],
  ['tld', 'unregistrable', false, false, 'a top-level domain, not a registrable name'],
  ['undelegated inactive', 'available', true, false, null],
  [
    'claimed active suffix zone tld',
    'unregistrable',
    false,
    false,
    'a top-level domain, not a registrable name',
  ],
  // Current docs (https://domainr.com/docs/api/v2/status) and their examples.
  ['expiring', 'registered', false, false, 'registered: expiring; may become available through a backorder'],
  [
    'deleting',
    'registered',
    false,
    false,
    'registered: pending deletion; may become available through a backorder',
  ],
  ['priced', 'registered', false, false, 'registered: for sale on the aftermarket (priced)'],
  ['transferable', 'registered', false, false, 'registered: for sale on the aftermarket (transferable)'],
  ['undelegated inactive premium', 'premium', true, true, PREMIUM],
  ['active marketed', 'registered', false, false, 'registered: for sale on the aftermarket (marketed)'],
  ['claimed reserved', 'reserved', false, false, 'reserved by ICANN, the registry or another party'],
  ['active zone tld', 'unregistrable', false, false, 'a top-level domain, not a registrable name'],
  // Adjustments (docs/providers/domainr.md#status-flags): premium or suffix next to a registered flag is registered.
  ['active premium', 'registered', false, true, 'registered: premium name'],
  [
    'marketed premium',
    'registered',
    false,
    true,
    'registered: for sale on the aftermarket (marketed); premium name',
  ],
  ['undelegated premium', 'premium', true, true, PREMIUM],
  ['active suffix', 'registered', false, false, 'registered: a public suffix'],
  ['active suffix zone', 'unregistrable', false, false, 'a zone (domain extension), not a registrable name'],
  // The emulator's combinations (domainr-status-table.ts).
  ['undelegated pending', 'unregistrable', false, false, 'the TLD is not (yet) in the root zone'],
  ['undelegated unregistrable', 'unregistrable', false, false, 'no registrar sells names in this zone'],
  [
    'undelegated disallowed',
    'unregistrable',
    false,
    false,
    'disallowed by the registry, ICANN or other rules',
  ],
  [
    'undelegated reserved dpml',
    'reserved',
    false,
    false,
    'blocked under the Domains Protected Marks List (trademark block)',
  ],
  ['active parked', 'registered', false, false, 'registered: parked'],
  [
    'active expiring',
    'registered',
    false,
    false,
    'registered: expiring; may become available through a backorder',
  ],
  [
    'active deleting',
    'registered',
    false,
    false,
    'registered: pending deletion; may become available through a backorder',
  ],
  [
    'active marketed priced',
    'registered',
    false,
    false,
    'registered: for sale on the aftermarket (marketed, priced)',
  ],
  [
    'active marketed priced transferable',
    'registered',
    false,
    false,
    'registered: for sale on the aftermarket (marketed, priced, transferable)',
  ],
  ['active registrar', 'registered', false, false, 'registered: controlled by a registrar'],
  // Unknown future flags are skipped; no known flag at all is unknown.
  ['active frobnicated', 'registered', false, false, null],
  ['undelegated inactive frobnicated', 'available', true, false, null],
  ['frobnicated', 'unknown', false, false, 'no status flag Domainr documents'],
  ['', 'unknown', false, false, 'no status flag Domainr documents'],
  // Right-most wins whatever comes before.
  ['inactive active', 'registered', false, false, null],
  ['active inactive', 'available', true, false, null],
  ['ACTIVE Marketed', 'registered', false, false, 'registered: for sale on the aftermarket (marketed)'],
];

describe('interpretStatusFlags', () => {
  it.each(FLAG_CASES)('%j → %s (available %s, premium %s)', (raw, status, available, premium, reason) => {
    const meaning = interpretStatusFlags(splitStatusFlags(raw));
    expect({
      status: meaning.status,
      available: meaning.available,
      premium: meaning.premium,
      reason: meaning.reason,
    }).toEqual({
      status,
      available,
      premium,
      reason,
    });
  });

  it('covers every documented flag alone', () => {
    const single = new Set(FLAG_CASES.map(([raw]) => raw).filter((raw) => !raw.includes(' ')));
    for (const flag of DOMAINR_FLAGS) expect(single.has(flag), flag).toBe(true);
    expect(Object.keys(DOMAINR_FLAG_STATUS)).toEqual([...DOMAINR_FLAGS]);
  });

  it('names the right-most known flag as the summary', () => {
    expect(interpretStatusFlags(['claimed', 'active', 'suffix', 'zone', 'tld']).summary).toBe('tld');
    expect(interpretStatusFlags(['active', 'frobnicated']).summary).toBe('active');
    expect(interpretStatusFlags(['frobnicated']).summary).toBeNull();
  });

  it('available exactly when the status is available or premium, for any flag list (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...DOMAINR_FLAGS), fc.string())), (flags) => {
        const meaning = interpretStatusFlags(flags);
        expect(AVAILABILITY_STATUSES).toContain(meaning.status);
        expect(meaning.available).toBe(meaning.status === 'available' || meaning.status === 'premium');
        expect(meaning.premium).toBe(flags.some((f) => f.toLowerCase() === 'premium'));
      }),
    );
  });
});

describe('splitStatusFlags', () => {
  it('splits on any white space, drops empty tokens and keeps the order', () => {
    expect(splitStatusFlags('  undelegated\tinactive  premium\n')).toEqual([
      'undelegated',
      'inactive',
      'premium',
    ]);
    expect(splitStatusFlags('')).toEqual([]);
  });
});

describe('every flag combination through checkAvailability (nock)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  const options = { retry: false, rateLimit: false } as const;

  it.each(FLAG_CASES)('v2 %j → %s', async (raw, status, available, premium, reason) => {
    const item = { domain: 'flags-test.com', zone: 'com', status: raw, summary: raw.split(' ').pop() };
    const scope = nock('https://api.domainr.com')
      .get('/v2/status')
      .query({ domain: 'flags-test.com', client_id: 'cid-1' })
      .reply(200, { status: [item] });
    const result = await createDomainr({ clientId: 'cid-1', ...options }).checkAvailability('flags-test.com');
    expect(result).toEqual({
      provider: 'domainr',
      domain: 'flags-test.com',
      available,
      status,
      premium,
      price: null,
      reason,
      suggestions: [],
      providerStatus: splitStatusFlags(raw),
      raw: item,
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each(FLAG_CASES)('Fastly %j → %s', async (raw, status, available, premium, reason) => {
    const body = { domain: 'flags-test.com', zone: 'com', status: raw, tags: '' };
    const scope = nock('https://api.fastly.com', { reqheaders: { 'fastly-key': 'tok-1' } })
      .get('/domain-management/v1/tools/status')
      .query({ domain: 'flags-test.com' })
      .reply(200, body);
    const result = await createDomainr({ api: 'fastly', fastlyToken: 'tok-1', ...options }).checkAvailability(
      'flags-test.com',
    );
    expect(result).toEqual({
      provider: 'domainr',
      domain: 'flags-test.com',
      available,
      status,
      premium,
      price: null,
      reason,
      suggestions: [],
      providerStatus: splitStatusFlags(raw),
      raw: body,
    });
    expect(scope.isDone()).toBe(true);
  });
});
