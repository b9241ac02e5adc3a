/**
 * `createRecords` for a provider without a bulk call (unstorage's "the core fills the gap"): single
 * creates with bounded concurrency, every input settled, per-input errors kept in the `BulkResult`
 * (after an abort, the inputs not yet sent are reported as aborted: the caller knows what exists).
 */

import { NetworkError } from '../errors/error-classes.js';
import { isRegistrarError } from '../errors/registrar-error.js';
import type { BulkResult } from '../model/bulk-result.js';
import type { DnsRecord, DnsRecordInput } from '../model/dns-record.js';
import type { CallOptions } from '../registrar.js';
import { mapSettled } from './map-concurrent.js';

/** Creates in flight at once when a provider has no bulk endpoint. */
export const ONE_BY_ONE_CONCURRENCY = 4;

export async function createRecordsOneByOne(
  createRecord: (domain: string, input: DnsRecordInput, opts?: CallOptions) => Promise<DnsRecord>,
  domain: string,
  inputs: DnsRecordInput[],
  opts?: CallOptions,
  concurrency = ONE_BY_ONE_CONCURRENCY,
): Promise<BulkResult> {
  const settled = await mapSettled(inputs, concurrency, (input) => createRecord(domain, input, opts), {
    signal: opts?.signal,
  });
  const result: BulkResult = { created: [], errors: [] };
  settled.forEach((outcome, index) => {
    if (outcome.ok) result.created.push(outcome.value);
    else if (isRegistrarError(outcome.error))
      result.errors.push({ input: inputs[index]!, error: outcome.error });
    else if (opts?.signal?.aborted) {
      // Not started before the abort: reported, so the caller knows exactly what was created.
      result.errors.push({
        input: inputs[index]!,
        error: new NetworkError('createRecords was aborted before this record was sent', {
          operation: 'createRecords',
          code: 'aborted',
        }),
      });
    } else throw outcome.error;
  });
  return result;
}
