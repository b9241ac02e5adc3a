/**
 * The emulator's answers have the shape of the sample responses in ../shared/specs/namecheap/
 * (official doc samples, sandbox recordings, captured fixtures): every element and attribute a
 * sample has, the emulator's answer to the same kind of request has too, with the same status and
 * error numbers. Values differ (other domains, ids, dates); names do not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import type { NamecheapState } from './namecheap-state.js';
import { contactParams, emulatorStarter, nc, xmlParser } from './namecheap-test-client.js';

const SPECS = fileURLToPath(new URL('../../../../../shared/specs/namecheap/', import.meta.url));
const start = emulatorStarter({ rateLimits: false });

/** Every element path and `path@attribute` in a parsed document (repeats merged, xmlns ignored). */
function shapeOf(node: unknown, path: string, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) shapeOf(item, path, into);
    return into;
  }
  if (node === null || typeof node !== 'object') return into;
  for (const [key, value] of Object.entries(node)) {
    if (key === '#text' || key === '@_xmlns') continue;
    if (key.startsWith('@_')) into.add(`${path}@${key.slice(2)}`);
    else {
      into.add(`${path}/${key}`);
      shapeOf(value, `${path}/${key}`, into);
    }
  }
  return into;
}

function parsedSample(file: string): Record<string, unknown> {
  return xmlParser.parse(readFileSync(`${SPECS}${file}`, 'utf8')) as Record<string, unknown>;
}

type Call = [
  command: string | null,
  params?: Record<string, string | number>,
  globals?: Record<string, string>,
];

interface Case {
  file: string;
  /** Calls made in order; the answer to the last is compared. */
  calls: (emulator: RunningEmulator<NamecheapState>) => Call[];
  /** Elements/attributes of the sample the emulator leaves out on purpose, with the reason. */
  absent?: string[];
}

const CONTACTS = contactParams();

function freeSubscription(emulator: RunningEmulator<NamecheapState>): number {
  return [...emulator.state.whoisguards.values()].find((s) => s.domain === null)!.id;
}
const CREATE_PARAMS = { DomainName: 'available-name.com', Years: 1, AddFreeWhoisguard: 'yes', ...CONTACTS };

const CASES: Case[] = [
  {
    file: 'error-1011150-invalid-request-ip.xml',
    calls: () => [['namecheap.domains.getList', {}, { ClientIp: '198.51.100.7' }]],
  },
  {
    file: 'error-1011102-bad-apikey.xml',
    calls: () => [['namecheap.domains.getList', {}, { ApiKey: 'f'.repeat(32) }]],
  },
  {
    file: 'error-2030166-getinfo-not-owned.xml',
    calls: () => [['namecheap.domains.getInfo', { DomainName: 'registered-name.com' }]],
  },
  {
    file: 'error-2019166-sethosts.xml',
    calls: () => [['namecheap.domains.dns.setHosts', { SLD: 'huxtest3', TLD: 'com' }]],
  },
  {
    file: 'error-5050900-unhandled.xml',
    calls: () => [
      [
        'namecheap.domains.dns.setHosts',
        { SLD: 'test-domain-1', TLD: 'com', HostName1: 'www', Address1: '192.0.2.1' },
      ],
    ],
  },
  { file: 'domains.getList.doc.xml', calls: () => [['namecheap.domains.getList']] },
  { file: 'domains.getList.sandbox.xml', calls: () => [['namecheap.domains.getList']] },
  {
    file: 'domains.getInfo.sandbox.xml',
    calls: () => [['namecheap.domains.getInfo', { DomainName: 'test-domain-1.com' }]],
  },
  {
    file: 'domains.check.doc.xml',
    calls: () => [['namecheap.domains.check', { DomainList: 'premium-name.com' }]],
  },
  { file: 'domains.create.doc.xml', calls: () => [['namecheap.domains.create', CREATE_PARAMS]] },
  {
    file: 'domains.renew.doc.xml',
    calls: () => [['namecheap.domains.renew', { DomainName: 'test-domain-1.com', Years: 1 }]],
  },
  {
    file: 'domains.reactivate.doc.xml',
    calls: (emulator) => {
      emulator.state.expireDomain('test-domain-1.com');
      return [['namecheap.domains.reactivate', { DomainName: 'test-domain-1.com' }]];
    },
  },
  {
    file: 'domains.getRegistrarLock.doc.xml',
    calls: () => [['namecheap.domains.getRegistrarLock', { DomainName: 'test-domain-1.com' }]],
  },
  {
    file: 'domains.setRegistrarLock.doc.xml',
    calls: () => [
      ['namecheap.domains.setRegistrarLock', { DomainName: 'test-domain-1.com', LockAction: 'UNLOCK' }],
    ],
  },
  {
    file: 'domains.getContacts.doc.xml',
    calls: () => [
      [
        'namecheap.domains.create',
        {
          ...CREATE_PARAMS,
          DomainName: 'nexus.us',
          AddFreeWhoisguard: 'no',
          RegistrantNexus: 'C11',
          RegistrantPurpose: 'P1',
        },
      ],
      ['namecheap.domains.getContacts', { DomainName: 'nexus.us' }],
    ],
  },
  {
    file: 'domains.setContacts.doc.xml',
    calls: () => [['namecheap.domains.setContacts', { DomainName: 'test-domain-1.com', ...CONTACTS }]],
  },
  {
    file: 'domains.getTldList.doc.xml',
    calls: () => [['namecheap.domains.getTldList']],
    absent: ['NonRealTime'],
  },
  {
    file: 'domains.dns.getList.doc.xml',
    calls: () => [['namecheap.domains.dns.getList', { SLD: 'test-domain-1', TLD: 'com' }]],
  },
  {
    file: 'domains.dns.getList.sdk.xml',
    calls: () => [['namecheap.domains.dns.getList', { SLD: 'test-domain-1', TLD: 'com' }]],
  },
  {
    file: 'domains.dns.setCustom.doc.xml',
    calls: () => [
      [
        'namecheap.domains.dns.setCustom',
        { SLD: 'test-domain-1', TLD: 'com', Nameservers: 'ns1.example.net,ns2.example.net' },
      ],
    ],
  },
  {
    file: 'domains.dns.setDefault.doc.xml',
    calls: () => [['namecheap.domains.dns.setDefault', { SLD: 'test-domain-1', TLD: 'com' }]],
  },
  {
    file: 'domains.dns.getHosts.sandbox.xml',
    calls: () => [
      ['namecheap.domains.create', CREATE_PARAMS],
      ['namecheap.domains.dns.getHosts', { SLD: 'available-name', TLD: 'com' }],
    ],
  },
  {
    file: 'domains.dns.getHosts.empty.xml',
    calls: () => [
      ['namecheap.domains.dns.setHosts', { SLD: 'test-domain-2', TLD: 'com', EmailType: 'NONE' }],
      ['namecheap.domains.dns.getHosts', { SLD: 'test-domain-2', TLD: 'com' }],
    ],
  },
  {
    file: 'domains.dns.getHosts.mxe.xml',
    calls: () => [
      [
        'namecheap.domains.dns.setHosts',
        {
          SLD: 'test-domain-2',
          TLD: 'com',
          EmailType: 'MXE',
          HostName1: '@',
          RecordType1: 'MXE',
          Address1: '192.0.2.25',
        },
      ],
      ['namecheap.domains.dns.getHosts', { SLD: 'test-domain-2', TLD: 'com' }],
    ],
  },
  {
    file: 'domains.dns.setHosts.sandbox.xml',
    // A new domain (no MX rows), written without EmailType, as lexicon's recorded request is.
    calls: () => [
      ['namecheap.domains.create', CREATE_PARAMS],
      [
        'namecheap.domains.dns.setHosts',
        { SLD: 'available-name', TLD: 'com', HostName1: 'www', RecordType1: 'A', Address1: '192.0.2.1' },
      ],
    ],
  },
  {
    file: 'domains.transfer.create.doc.xml',
    calls: () => [
      [
        'namecheap.domains.transfer.create',
        { DomainName: 'registered-name.com', Years: 1, EPPCode: 'secret-code' },
      ],
    ],
  },
  {
    file: 'domains.transfer.getStatus.doc.xml',
    calls: () => [
      [
        'namecheap.domains.transfer.create',
        { DomainName: 'registered-name.com', Years: 1, EPPCode: 'secret-code' },
      ],
      ['namecheap.domains.transfer.getStatus', { TransferID: 15 }],
    ],
  },
  {
    file: 'domains.transfer.getList.doc.xml',
    calls: () => [
      [
        'namecheap.domains.transfer.create',
        { DomainName: 'registered-name.com', Years: 1, EPPCode: 'secret-code' },
      ],
      ['namecheap.domains.transfer.getList'],
    ],
  },
  {
    file: 'users.getPricing.sandbox-shape.xml',
    calls: () => [
      ['namecheap.users.getPricing', { ProductType: 'DOMAIN', ActionName: 'REGISTER', ProductName: 'COM' }],
    ],
  },
  { file: 'whoisguard.getList.doc.xml', calls: () => [['namecheap.whoisguard.getList']] },
  {
    file: 'whoisguard.allot.doc.xml',
    calls: (emulator) => [
      [
        'namecheap.whoisguard.allot',
        { WhoisguardID: freeSubscription(emulator), DomainName: 'xn--bcher-kva.com' },
      ],
    ],
  },
  {
    file: 'whoisguard.disable.doc.xml',
    calls: () => [['namecheap.whoisguard.disable', { WhoisguardID: 480_001 }]],
  },
  {
    file: 'whoisguard.enable.doc.xml',
    calls: () => [
      ['namecheap.whoisguard.enable', { WhoisguardID: 480_002, ForwardedToEmail: 'fwd@example.org' }],
    ],
  },
];

describe('Namecheap emulator: answers have the shape of the samples in shared/specs/namecheap', () => {
  it.each(CASES)('$file', async ({ file, calls, absent = [] }) => {
    const emulator = await start();
    let last: Awaited<ReturnType<typeof nc>> | undefined;
    for (const [command, params, globals] of calls(emulator))
      last = await nc(emulator, command, params, { globals });
    const sample = parsedSample(file);
    const answer = xmlParser.parse(last!.text) as Record<string, unknown>;
    const mine = shapeOf(answer, '');
    const missing = [...shapeOf(sample, '')].filter(
      (path) =>
        !mine.has(path) && !absent.some((name) => path.endsWith(`@${name}`) || path.endsWith(`/${name}`)),
    );
    expect(missing).toEqual([]);
    const root = (doc: Record<string, unknown>) => doc.ApiResponse as Record<string, unknown>;
    expect(root(answer)['@_Status']).toBe(String(root(sample)['@_Status']).toUpperCase());
    const numbers = (doc: Record<string, unknown>) => {
      const errors = root(doc).Errors as { Error: { '@_Number': string }[] } | '';
      return errors === '' ? [] : errors.Error.map((e) => e['@_Number']);
    };
    expect(numbers(answer)).toEqual(numbers(sample));
  });
});
