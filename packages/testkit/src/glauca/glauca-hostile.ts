/**
 * Hostile pagination of the Glauca emulator (conformance attacks). Glauca's domain list is one
 * plain array (nothing to lie with); a zone's records come embedded in the zone object, found by
 * name in the DRF-paginated zone list (`{ count, next, previous, results }`), which lies here:
 * a count of a million with empty pages that never end, or a `next` link back to the same page.
 * The zone asked for is never on the lying pages, so every client meets the lie. Orders can be
 * switched to complete at once, so the reads a client makes after a completed order are met.
 */
import type { HostileSupport, LyingPagesScenario } from '../emulator/emulator-types.js';
import { DEFAULT_PAGE_SIZE, origin, type Page } from './glauca-pagination.js';
import type { GlaucaState } from './glauca-state.js';

const CLAIMED_COUNT = 1_000_000;

/** The request's URL with `offset` moved on by `step` pages. */
function pageUrl(req: { path: string; query: Record<string, string> }, host: string, step: number): string {
  const limit = Number(req.query.limit) || DEFAULT_PAGE_SIZE;
  const offset = (Number(req.query.offset) || 0) + step * limit;
  const params = new URLSearchParams({ ...req.query, limit: String(limit), offset: String(offset) });
  return `${host}${req.path}?${params.toString()}`;
}

const zoneListLies: LyingPagesScenario[] = [
  {
    name: 'zone list: count 1e6, empty pages, next always one page on',
    rules: [
      {
        route: 'listZones',
        fault: {
          type: 'transform',
          transform: (_body, req) => ({
            count: CLAIMED_COUNT,
            next: pageUrl(req, origin(req), 1),
            previous: null,
            results: [],
          }),
        },
      },
    ],
  },
  {
    name: 'zone list: next points back at the same page (a decoy zone on it)',
    rules: [
      {
        route: 'listZones',
        fault: {
          type: 'transform',
          transform: (body, req) => {
            const page = body as Page<Record<string, unknown>>;
            const decoys = page.results.slice(0, 1).map((zone) => ({
              ...zone,
              id: 'hexdns_zone_decoy',
              zone_root: 'hostile-decoy.example',
            }));
            return {
              count: CLAIMED_COUNT,
              next: pageUrl(req, origin(req), 0),
              previous: null,
              results: decoys,
            };
          },
        },
      },
    ],
  },
];

export function glaucaHostile(state: GlaucaState): HostileSupport {
  return {
    lyingPages: (operation) => (operation === 'listRecords' ? zoneListLies : []),
    completeOrdersAtOnce: () => {
      state.instantOrders = true;
    },
  };
}
