import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors/error-classes.js';
import type { DnsRecord, DnsRecordInput } from '../model/dns-record.js';
import { createRecordsOneByOne } from './create-records-one-by-one.js';

const record = (input: DnsRecordInput): DnsRecord => ({
  provider: 'example',
  id: input.name,
  domain: 'example.com',
  name: input.name,
  fqdn: `${input.name}.example.com`,
  type: input.type,
  content: input.content,
  ttl: input.ttl ?? 3600,
  priority: null,
  createdAt: null,
  updatedAt: null,
  raw: null,
});

const inputs: DnsRecordInput[] = ['a', 'b', 'c', 'd', 'e'].map((name) => ({
  type: 'A',
  name,
  content: '192.0.2.1',
}));

describe('createRecordsOneByOne', () => {
  it('creates each input once, bounded, and keeps per-input errors', async () => {
    let running = 0;
    let peak = 0;
    const result = await createRecordsOneByOne(
      async (_domain, input) => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (input.name === 'c')
          throw new ConflictError('exists', { provider: 'example', operation: 'createRecord' });
        return record(input);
      },
      'example.com',
      inputs,
      undefined,
      2,
    );
    expect(peak).toBe(2);
    expect(result.created.map((r) => r.name)).toEqual(['a', 'b', 'd', 'e']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.input.name).toBe('c');
    expect(result.errors[0]?.error).toBeInstanceOf(ConflictError);
  });

  it('reports the inputs not sent after an abort as aborted', async () => {
    const controller = new AbortController();
    const result = await createRecordsOneByOne(
      async (_domain, input) => {
        if (input.name === 'b') controller.abort();
        return record(input);
      },
      'example.com',
      inputs,
      { signal: controller.signal },
      1,
    );
    expect(result.created.map((r) => r.name)).toEqual(['a', 'b']);
    expect(result.errors.map((e) => [e.input.name, e.error.code])).toEqual([
      ['c', 'aborted'],
      ['d', 'aborted'],
      ['e', 'aborted'],
    ]);
  });
});
