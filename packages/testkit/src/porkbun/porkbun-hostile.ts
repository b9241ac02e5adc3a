/**
 * Hostile pagination of the Porkbun emulator (conformance attacks). `/domain/listAll` pages by
 * `start`, a full page (1000 by default) meaning another may follow, with no total and no cursor
 * (docs/providers/porkbun.md#domains): the one lie it can tell is ignoring `start`, answering a
 * full page of the same domains at every offset. `/dns/retrieve` answers a zone in one response
 * (nothing to lie with).
 */
import type { HostileSupport, LyingPagesScenario } from '../emulator/emulator-types.js';

function startIgnored(pageSize: number): LyingPagesScenario {
  return {
    name: `domain/listAll ignores start: the same full page of ${pageSize} at every offset`,
    rules: [
      {
        route: 'listDomains',
        fault: {
          type: 'transform',
          transform: (body) => {
            const page = body as { domains: Record<string, unknown>[] };
            const template = page.domains[0] ?? {};
            const domains = Array.from({ length: pageSize }, (_, i) => ({
              ...template,
              domain: `lying-page-${i}.com`,
            }));
            return { ...page, domains };
          },
        },
      },
    ],
  };
}

export function porkbunHostile(pageSize: number): HostileSupport {
  return {
    lyingPages: (operation) => (operation === 'listDomains' ? [startIgnored(pageSize)] : []),
  };
}
