/**
 * Hostile behaviour of the Cloudflare emulator for the conformance attacks
 * (docs/providers/cloudflare.md#pagination): the registrations list lies with its opaque cursor
 * (every later page names the cursor it was asked with, so the cursor repeats), the DNS record list
 * with its page counts (`total_pages` of a million, empty pages after the first). Workflows can be
 * switched to succeed at once; a transfer is charged only when it succeeds, days after the request
 * ("successful transfers charge the account's default payment method",
 * https://developers.cloudflare.com/api/resources/registrar/subresources/transfer_in/methods/create).
 */
import type { HostileSupport, LyingPagesScenario } from '../emulator/emulator-types.js';
import type { CloudflareState } from './cloudflare-state.js';

const CLAIMED = 1_000_000;

interface ListAnswer {
  result: unknown[];
  result_info?: Record<string, unknown>;
}

const registrationLies: LyingPagesScenario[] = [
  {
    name: 'registrations: every page after the first answers the cursor it was asked with',
    rules: [
      {
        route: 'listDomains',
        fault: {
          type: 'transform',
          transform: (body, req) => {
            const answer = body as ListAnswer;
            const asked = req.query.cursor;
            return asked ? { ...answer, result_info: { ...answer.result_info, cursor: asked } } : answer;
          },
        },
      },
    ],
  },
];

const recordLies: LyingPagesScenario[] = [
  {
    name: 'records: total_pages 1e6, empty pages after the first',
    rules: [
      {
        route: 'listRecords',
        fault: {
          type: 'transform',
          transform: (body, req) => {
            const answer = body as ListAnswer;
            const first = (Number(req.query.page) || 1) === 1;
            return {
              ...answer,
              result: first ? answer.result : [],
              result_info: { ...answer.result_info, total_count: CLAIMED, total_pages: CLAIMED },
            };
          },
        },
      },
    ],
  },
];

export function cloudflareHostile(state: CloudflareState): HostileSupport {
  return {
    lyingPages: (operation) => (operation === 'listDomains' ? registrationLies : recordLies),
    completeOrdersAtOnce: () => {
      state.workflowsCompleteAtOnce = true;
    },
    chargedOnCompletion: ['transferDomain'],
  };
}
