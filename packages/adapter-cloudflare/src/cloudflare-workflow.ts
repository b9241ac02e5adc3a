/**
 * Registrar workflows (registration, update, transfer-in): a 201/200 answer is final, a 202 is
 * polled at `…/registration-status`, `…/update-status` or `…/transfer-in-status` until `completed`
 * or `action_required` (which waits for the registrant and never resolves by itself), or until the
 * poll budget runs out (docs/providers/cloudflare.md#workflows).
 */
import { abortableDelay, type CallOptions } from '@registrar-kit/core';
import type { CloudflareClient } from './cloudflare-client.js';
import { type CloudflareWorkflowStatus, envelope, WorkflowStatusSchema } from './cloudflare-schemas.js';

export const WorkflowSchema = envelope(WorkflowStatusSchema);

export type WorkflowKind = 'registration-status' | 'update-status' | 'transfer-in-status';

/** Whether polling can stop: the workflow finished or waits for a person. */
export function settled(status: CloudflareWorkflowStatus): boolean {
  return status.completed || status.state === 'action_required';
}

/** One read of a domain's workflow status. */
export async function readWorkflow(
  client: CloudflareClient,
  domain: string,
  kind: WorkflowKind,
  operation: string,
  opts?: CallOptions,
): Promise<CloudflareWorkflowStatus> {
  const path = await client.registrarPath(
    operation,
    `/registrations/${encodeURIComponent(domain)}/${kind}`,
    opts,
  );
  const { data } = await client.send({ operation, method: 'GET', path, schema: WorkflowSchema }, opts);
  return data.result;
}

/**
 * Polls until settled or `pollTimeoutMs` passed. A failing read ends the polling with the last
 * status known (an abort too): the request that started the workflow was accepted, so the call
 * still resolves.
 */
export async function pollWorkflow(
  client: CloudflareClient,
  domain: string,
  kind: WorkflowKind,
  first: CloudflareWorkflowStatus,
  operation: string,
  opts?: CallOptions,
): Promise<CloudflareWorkflowStatus> {
  const interval = client.options.pollIntervalMs ?? 2000;
  const deadline = Date.now() + (client.options.pollTimeoutMs ?? 30_000);
  let status = first;
  while (!settled(status) && Date.now() + interval <= deadline) {
    try {
      await abortableDelay(interval, opts?.signal);
      status = await readWorkflow(client, domain, kind, operation, opts);
    } catch {
      return status;
    }
  }
  return status;
}
