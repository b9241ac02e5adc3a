/**
 * Registrar workflows (registration, update, transfer-in): a scripted sequence of states a status
 * poll walks through (docs/providers/cloudflare.md#workflows). The emulator advances a workflow one
 * step per status poll, never by wall-clock time, so tests are deterministic. Reaching `succeeded`
 * runs the workflow's effect once (the registration becomes active, the ledger is charged).
 */

export type WorkflowState =
  | 'pending'
  | 'in_progress'
  | 'action_required'
  | 'blocked'
  | 'succeeded'
  | 'failed';
export type WorkflowKind = 'registration' | 'update' | 'transfer';

export interface WorkflowStep {
  state: WorkflowState;
  /** Extra `context` fields of this step (besides `domain_name`). */
  context?: Record<string, unknown>;
  /** Only for `failed`. */
  error?: { code: string; message: string };
}

export interface Workflow {
  kind: WorkflowKind;
  domain: string;
  /** API-relative paths: the status resource and the registration. */
  links: { self: string; resource: string };
  steps: WorkflowStep[];
  index: number;
  created_at: string;
  updated_at: string;
  /** Runs once when the workflow reaches `succeeded`; returns the `context.registration` to show. */
  onSucceeded: () => Record<string, unknown>;
  /** Runs once when the workflow reaches `failed`. */
  onFailed: () => void;
  /** The registration shown once succeeded (set by onSucceeded). */
  result?: Record<string, unknown>;
  settled: boolean;
}

function isTerminal(state: WorkflowState): boolean {
  return state === 'succeeded' || state === 'failed';
}

/** Runs the effect of the current step when it is terminal (once). */
function settle(workflow: Workflow): void {
  const step = workflow.steps[workflow.index]!;
  if (workflow.settled || !isTerminal(step.state)) return;
  workflow.settled = true;
  if (step.state === 'succeeded') workflow.result = workflow.onSucceeded();
  else workflow.onFailed();
}

/** The WorkflowStatus object of the current step. */
export function workflowStatus(workflow: Workflow, now: string): Record<string, unknown> {
  settle(workflow);
  const step = workflow.steps[workflow.index]!;
  const context: Record<string, unknown> = { domain_name: workflow.domain, ...step.context };
  if (step.state === 'succeeded' && workflow.result) context.registration = workflow.result;
  const status: Record<string, unknown> = {
    completed: isTerminal(step.state),
    state: step.state,
    context,
    created_at: workflow.created_at,
    updated_at: workflow.index === 0 ? workflow.created_at : now,
    links: workflow.links,
  };
  if (step.state === 'failed') status.error = step.error ?? { code: 'failed', message: 'Workflow failed' };
  return status;
}

/** One poll: the current status, then the workflow moves to its next step (action_required stays). */
export function pollWorkflow(workflow: Workflow, now: string): Record<string, unknown> {
  const status = workflowStatus(workflow, now);
  const step = workflow.steps[workflow.index]!;
  if (step.state !== 'action_required' && workflow.index < workflow.steps.length - 1) {
    workflow.index += 1;
    workflow.updated_at = now;
  }
  return status;
}

export function isCompleted(workflow: Workflow): boolean {
  return isTerminal(workflow.steps[workflow.index]!.state);
}

/**
 * Scripted steps for a domain, chosen by the first label's prefix (documented in the testkit README):
 * `slow-` runs past the synchronous wait window, `blocked-` waits on the registry, `confirm-` needs
 * the registrant's action and never completes, `rejected-` fails; any other name completes at once
 * (or after two polls with `Prefer: respond-async`).
 */
export function scriptFor(kind: WorkflowKind, domain: string, respondAsync: boolean): WorkflowStep[] {
  const succeeded: WorkflowStep = { state: 'succeeded' };
  const label = domain.split('.')[0] ?? '';
  const transfer = kind === 'transfer';
  if (label.startsWith('confirm-')) {
    return [
      {
        state: 'action_required',
        context: {
          action: 'registrant_email_confirmation_pending',
          confirmation_sent_to: 'a***@example.com',
        },
      },
    ];
  }
  if (label.startsWith('blocked-')) {
    const blocked: WorkflowStep = {
      state: 'blocked',
      context: {
        blocked_by: transfer ? 'losing_registrar' : 'registry',
        detail: transfer
          ? 'Awaiting approval from the losing registrar.'
          : 'Awaiting registry confirmation. This may take up to 24 hours.',
      },
    };
    return [{ state: 'in_progress' }, blocked, blocked, succeeded];
  }
  if (label.startsWith('rejected-')) {
    const code = transfer ? 'transfer_rejected' : 'registry_rejected';
    return [
      { state: 'in_progress' },
      {
        state: 'failed',
        error: {
          code,
          message: transfer ? 'The transfer was rejected.' : 'The registry rejected the request.',
        },
      },
    ];
  }
  if (transfer) {
    return [
      { state: 'pending', context: { transfer_status: 'awaiting_foa', foa_required: true } },
      { state: 'in_progress', context: { transfer_status: 'awaiting_approval' } },
      succeeded,
    ];
  }
  if (label.startsWith('slow-')) return [{ state: 'in_progress' }, { state: 'in_progress' }, succeeded];
  if (respondAsync) return [{ state: 'pending' }, { state: 'in_progress' }, succeeded];
  return [succeeded];
}
