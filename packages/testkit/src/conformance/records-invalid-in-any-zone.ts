import type { DnsRecordInput } from '@registrar-kit/core';

/**
 * Record inputs that no zone can make valid, with the issue path each must report: an adapter
 * refuses them before any request, even when the domain was given as an id and the zone name
 * would need a request (DESIGN.md, "Promises every adapter keeps"). For `it.each`.
 */
export const RECORDS_INVALID_IN_ANY_ZONE: readonly (readonly [string, DnsRecordInput, string])[] = [
  ['a CNAME at @', { type: 'CNAME', name: '@', content: 'target.example.net' }, 'name'],
  ['an MX without priority', { type: 'MX', name: '@', content: 'mx.example.net' }, 'priority'],
  ['an A record that is no IPv4 address', { type: 'A', name: 'www', content: '300.1.1.1' }, 'content'],
];
