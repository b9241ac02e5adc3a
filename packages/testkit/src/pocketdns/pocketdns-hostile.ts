/**
 * Hostile listings of the PocketDNS emulator (conformance attacks). PocketDNS documents no
 * pagination: a list comes whole with its `total`. The lie: a `total` of a million beside the
 * real (short) list, a stated total that is never reached.
 */
import type { HostileSupport } from '../emulator/emulator-types.js';

const CLAIMED_TOTAL = 1_000_000;

export const pocketDnsHostile: HostileSupport = {
  lyingPages: (operation) => [
    {
      name: 'total 1e6 beside the whole (short) list',
      rules: [
        {
          route: operation,
          fault: {
            type: 'transform',
            transform: (body) => ({ ...(body as object), total: CLAIMED_TOTAL }),
          },
        },
      ],
    },
  ],
};
