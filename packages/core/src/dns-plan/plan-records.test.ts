import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import type { DnsRecordInput } from '../model/dns-record.js';
import { formatPlan, isEmptyPlan, planRecords, summarizePlan } from './plan-records.js';
import { record } from './test-records.js';

const counts = (plan: ReturnType<typeof planRecords>) => {
  const { total: _, ...rest } = summarizePlan(plan);
  return rest;
};

describe('planRecords', () => {
  it('is empty when desired equals current', () => {
    const current = [
      record('@', 'A', '192.0.2.1'),
      record('www', 'CNAME', 'example.com'),
      record('@', 'MX', 'mail.example.com', { priority: 10 }),
    ];
    const plan = planRecords(current, [
      { type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 },
      { type: 'CNAME', name: 'www', content: 'example.com', ttl: 3600 },
      { type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 },
    ]);
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.currentCount).toBe(3);
  });

  it.each<[string, DnsRecordInput]>([
    ['upper-case and absolute names', { type: 'A', name: 'WWW.Example.COM.', content: '192.0.2.1' }],
    ['an empty name as the apex', { type: 'A', name: '', content: '192.0.2.9' }],
    [
      'a host target with a trailing dot and capitals',
      { type: 'CNAME', name: 'alias', content: 'Target.Example.NET.' },
    ],
    [
      'an expanded IPv6 address',
      { type: 'AAAA', name: 'v6', content: '2001:0DB8:0000:0000:0000:0000:0000:0001' },
    ],
    ['a TXT as quoted strings', { type: 'TXT', name: 'txt', content: '"v=spf1 " "-all"' }],
    ['a TXT as one value', { type: 'TXT', name: 'txt2', content: 'v=spf1 -all' }],
    [
      'an SRV with a dotted target',
      { type: 'SRV', name: '_sip._tcp', content: '5 5060 SIP.example.com.', priority: 10 },
    ],
    ['a CAA with an upper-case tag', { type: 'CAA', name: '@', content: '0 ISSUE "letsencrypt.org"' }],
  ])('compares on the normalized model: %s', (_label, input) => {
    const current = [
      record('www', 'A', '192.0.2.1'),
      record('@', 'A', '192.0.2.9'),
      record('alias', 'CNAME', 'target.example.net'),
      record('v6', 'AAAA', '2001:db8::1'),
      record('txt', 'TXT', 'v=spf1 -all'),
      record('txt2', 'TXT', '"v=spf1 -all"'),
      record('_sip._tcp', 'SRV', '5 5060 sip.example.com', { priority: 10 }),
      record('@', 'CAA', '0 issue "letsencrypt.org"'),
    ];
    expect(isEmptyPlan(planRecords(current, [input]))).toBe(true);
  });

  it('creates, updates and deletes within a named set, keeping exact matches', () => {
    const keep = record('@', 'A', '192.0.2.1');
    const change = record('@', 'A', '192.0.2.2');
    const drop = record('@', 'A', '192.0.2.3');
    const plan = planRecords(
      [keep, change, drop, record('@', 'A', '192.0.2.4')],
      [
        { type: 'A', name: '@', content: '192.0.2.1' },
        { type: 'A', name: '@', content: '192.0.2.4' },
        { type: 'A', name: '@', content: '192.0.2.20' },
      ],
    );
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([
      {
        record: change,
        patch: { content: '192.0.2.20' },
        desired: { type: 'A', name: '@', content: '192.0.2.20' },
      },
    ]);
    expect(plan.deletes).toEqual([drop]);
  });

  it('creates what is missing', () => {
    const plan = planRecords(
      [record('@', 'A', '192.0.2.1')],
      [
        { type: 'A', name: '@', content: '192.0.2.1' },
        { type: 'A', name: '@', content: '192.0.2.2', ttl: 300 },
        { type: 'TXT', name: '@', content: '"hello" " world"' },
      ],
    );
    expect(plan.creates).toEqual([
      { type: 'A', name: '@', content: '192.0.2.2', ttl: 300 },
      { type: 'TXT', name: '@', content: 'hello world' },
    ]);
    expect(counts(plan)).toEqual({ creates: 2, updates: 0, deletes: 0 });
  });

  it('a TTL change is an update of the TTL only', () => {
    const current = record('www', 'A', '192.0.2.1', { ttl: 3600 });
    const plan = planRecords([current], [{ type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 }]);
    expect(plan.updates).toEqual([
      {
        record: current,
        patch: { ttl: 300 },
        desired: { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
      },
    ]);
  });

  it('defaultTtl applies to desired records without a TTL; without it the TTL is not compared', () => {
    const current = [record('www', 'A', '192.0.2.1', { ttl: 3600 })];
    const desired: DnsRecordInput[] = [{ type: 'A', name: 'www', content: '192.0.2.1' }];
    expect(isEmptyPlan(planRecords(current, desired))).toBe(true);
    expect(planRecords(current, desired, { defaultTtl: 600 }).updates[0]?.patch).toEqual({ ttl: 600 });
    const created = planRecords([], [{ type: 'A', name: 'new', content: '192.0.2.7' }], { defaultTtl: 600 });
    expect(created.creates).toEqual([{ type: 'A', name: 'new', content: '192.0.2.7', ttl: 600 }]);
  });

  it('rules.minStoredTtl: a TTL the provider stores raised is compared raised, so the plan settles', () => {
    // Porkbun stores a TTL of 300 as 600 without an error (docs/providers/porkbun.md#dns-records).
    const rules = { minStoredTtl: 600 };
    const stored = [record('www', 'A', '192.0.2.1', { ttl: 600 })];
    const desired: DnsRecordInput[] = [{ type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 }];
    expect(isEmptyPlan(planRecords(stored, desired, { rules }))).toBe(true);
    expect(planRecords(stored, desired).updates).toHaveLength(1);
    const longer = planRecords(stored, [{ ...desired[0]!, ttl: 3600 }], { rules });
    expect(longer.updates[0]?.patch).toEqual({ ttl: 3600 });
    const created = planRecords([], desired, { rules });
    expect(created.creates).toEqual([{ type: 'A', name: 'www', content: '192.0.2.1', ttl: 600 }]);
  });

  it('a priority change is an update (MX and SRV)', () => {
    const mx = record('@', 'MX', 'mail.example.com', { priority: 10 });
    const srv = record('_sip._tcp', 'SRV', '5 5060 sip.example.com', { priority: 10 });
    const plan = planRecords(
      [mx, srv],
      [
        { type: 'MX', name: '@', content: 'mail.example.com', priority: 20 },
        { type: 'SRV', name: '_sip._tcp', content: '5 5061 sip.example.com', priority: 30, ttl: 60 },
      ],
    );
    expect(plan.updates.map((update) => update.patch)).toEqual([
      { priority: 20 },
      { content: '5 5061 sip.example.com', priority: 30, ttl: 60 },
    ]);
  });

  it('pairs leftovers deterministically by priority then content', () => {
    const a = record('@', 'MX', 'a.example.com', { priority: 20 });
    const b = record('@', 'MX', 'b.example.com', { priority: 10 });
    const plan = planRecords(
      [a, b],
      [
        { type: 'MX', name: '@', content: 'y.example.com', priority: 20 },
        { type: 'MX', name: '@', content: 'x.example.com', priority: 10 },
      ],
    );
    expect(plan.updates.map((u) => [u.record.id, u.patch])).toEqual([
      [b.id, { content: 'x.example.com' }],
      [a.id, { content: 'y.example.com' }],
    ]);
  });

  it('incremental by default: sets not named are left alone; a named set is made exactly equal', () => {
    const other = record('other', 'A', '192.0.2.50');
    const wwwTxt = record('www', 'TXT', 'keep me');
    const wwwOld = record('www', 'A', '192.0.2.2');
    const current = [other, wwwTxt, record('www', 'A', '192.0.2.1'), wwwOld];
    const desired: DnsRecordInput[] = [{ type: 'A', name: 'www', content: '192.0.2.1' }];

    const incremental = planRecords(current, desired);
    expect(incremental.deletes).toEqual([wwwOld]);
    expect(incremental.creates).toEqual([]);

    const purge = planRecords(current, desired, { purge: true });
    expect(purge.deletes).toEqual([wwwOld, other, wwwTxt]);
  });

  it('a set that clashes with a desired CNAME is deleted even without purge', () => {
    const a = record('www', 'A', '192.0.2.1');
    const cname = record('blog', 'CNAME', 'host.example.net');
    const untouched = record('mail', 'A', '192.0.2.5');
    const plan = planRecords(
      [a, cname, untouched],
      [
        { type: 'CNAME', name: 'www', content: 'example.com' },
        { type: 'A', name: 'blog', content: '192.0.2.7' },
      ],
    );
    expect(plan.creates.map((c) => `${c.name} ${c.type}`)).toEqual(['www CNAME', 'blog A']);
    expect(plan.deletes).toEqual([a, cname]);
  });

  it('purge with an empty desired set deletes every record', () => {
    const current = [record('a', 'A', '192.0.2.1'), record('b', 'A', '192.0.2.2')];
    expect(planRecords(current, []).deletes).toEqual([]);
    expect(planRecords(current, [], { purge: true }).deletes).toEqual(current);
  });

  it('a current record whose content does not validate is compared as it stands', () => {
    const odd = record('odd', 'A', ' not-an-ip ');
    const plan = planRecords([odd], [{ type: 'A', name: 'odd', content: '192.0.2.1' }]);
    expect(plan.updates).toEqual([
      {
        record: odd,
        patch: { content: '192.0.2.1' },
        desired: { type: 'A', name: 'odd', content: '192.0.2.1' },
      },
    ]);
  });

  it('names are case-insensitive on both sides', () => {
    const current = [record('WWW', 'A', '192.0.2.1')];
    expect(isEmptyPlan(planRecords(current, [{ type: 'A', name: 'www', content: '192.0.2.1' }]))).toBe(true);
  });

  it('the same desired record twice is one record', () => {
    const plan = planRecords(
      [],
      [
        { type: 'A', name: 'www', content: '192.0.2.1' },
        { type: 'A', name: 'WWW', content: '192.0.2.1' },
      ],
    );
    expect(plan.creates).toHaveLength(1);
  });

  it('uses the zone from the options for absolute names and @ targets', () => {
    const plan = planRecords(
      [],
      [
        { type: 'CNAME', name: 'www.example.org.', content: '@' },
        { type: 'MX', name: '@', content: 'mail', priority: 5 },
      ],
      { zone: 'example.org' },
    );
    expect(plan.creates).toEqual([
      { type: 'CNAME', name: 'www', content: 'example.org' },
      { type: 'MX', name: '@', content: 'mail', priority: 5 },
    ]);
  });

  it('invalid desired records throw one ValidationError listing every issue', () => {
    let error: unknown;
    try {
      planRecords(
        [],
        [
          { type: 'A', name: 'ok', content: '192.0.2.1' },
          { type: 'A', name: 'bad name!', content: '999.1.1.1' },
          { type: 'MX', name: '@', content: 'mail.example.com' },
          { type: 'CAA', name: '@', content: '0 issue "x"' },
        ],
        { rules: { types: ['A', 'MX'] } },
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues.map((issue) => issue.path);
    expect(issues).toEqual(['desired.1.name', 'desired.1.content', 'desired.2.priority', 'desired.3.type']);
    expect((error as ValidationError).operation).toBe('planRecords');
  });

  it('is plain data: a JSON round trip keeps it', () => {
    const plan = planRecords(
      [record('a', 'A', '192.0.2.1'), record('b', 'A', '192.0.2.2')],
      [
        { type: 'A', name: 'a', content: '192.0.2.9' },
        { type: 'A', name: 'c', content: '192.0.2.3' },
      ],
      { purge: true },
    );
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(summarizePlan(plan)).toEqual({ creates: 1, updates: 1, deletes: 1, total: 3 });
  });

  it('formats the plan for display', () => {
    const plan = planRecords(
      [
        record('a', 'A', '192.0.2.1', { ttl: 3600 }),
        record('b', 'TXT', 'old'),
        record('@', 'MX', 'mx.example.com', { priority: 10 }),
      ],
      [
        { type: 'A', name: 'a', content: '192.0.2.9', ttl: 300 },
        { type: 'A', name: 'c', content: '192.0.2.3', ttl: 60 },
        { type: 'MX', name: '@', content: 'mx2.example.com', priority: 20 },
        { type: 'TXT', name: 'new', content: 'say "hi"' },
      ],
      { purge: true },
    );
    expect(formatPlan(plan)).toEqual([
      '+ c A 192.0.2.3 ttl=60',
      '+ new TXT "say \\"hi\\""',
      '~ a A 192.0.2.1 (content: 192.0.2.1 → 192.0.2.9, ttl: 3600 → 300)',
      '~ @ MX 10 mx.example.com (content: mx.example.com → mx2.example.com, priority: 10 → 20)',
      '- b TXT "old"',
    ]);
  });
});
