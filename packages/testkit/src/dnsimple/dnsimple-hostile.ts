/**
 * Hostile pagination of the DNSimple emulator (conformance attacks): the `pagination` object of a
 * listing (https://developer.dnsimple.com/v2/#pagination) claims a million pages, and every page
 * after the real ones is empty.
 */
import type { HostileSupport } from '../emulator/emulator-types.js';
import type { Pagination } from './dnsimple-context.js';

const CLAIMED_PAGES = 1_000_000;

export const dnsimpleHostile: HostileSupport = {
  lyingPages: (operation) => [
    {
      name: 'total_pages 1e6, empty pages after the real ones',
      rules: [
        {
          route: operation,
          fault: {
            type: 'transform',
            transform: (body) => {
              const page = body as { data: unknown[]; pagination: Pagination };
              const perPage = page.pagination.per_page;
              return {
                ...page,
                pagination: {
                  ...page.pagination,
                  total_pages: CLAIMED_PAGES,
                  total_entries: CLAIMED_PAGES * perPage,
                },
              };
            },
          },
        },
      ],
    },
  ],
};
