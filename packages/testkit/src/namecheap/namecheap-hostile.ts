/**
 * Hostile pagination of the Namecheap emulator (conformance attacks): the `Paging` element of
 * domains.getList (https://www.namecheap.com/support/api/methods/domains/get-list/) claims a
 * million domains, and every page after the real ones is empty. getHosts answers the whole zone
 * in one response, without paging, so listRecords has nothing to lie with.
 */
import type { HostileSupport } from '../emulator/emulator-types.js';

const CLAIMED_ITEMS = 1_000_000;

export const namecheapHostile: HostileSupport = {
  lyingPages: (operation) =>
    operation === 'listDomains'
      ? [
          {
            name: 'TotalItems 1e6, empty pages after the real ones',
            rules: [
              {
                route: 'listDomains',
                fault: {
                  type: 'transform',
                  transform: (body) =>
                    typeof body === 'string'
                      ? body.replace(
                          /<TotalItems>\d+<\/TotalItems>/,
                          `<TotalItems>${CLAIMED_ITEMS}</TotalItems>`,
                        )
                      : body,
                },
              },
            ],
          },
        ]
      : [],
};
