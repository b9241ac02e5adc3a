/** `registrar-kit providers` (defined in definitions/providers.ts): the capability matrix of every adapter. */
import { CAPABILITIES } from '@registrar-kit/core';
import { credentialHint, PROVIDER_LIST, PROVIDERS } from '../../providers.js';
import { type CliContext, capabilityMatrix } from '../context.js';

export function runProviders(ctx: CliContext): void {
  const matrix = capabilityMatrix();
  const out = ctx.out;
  if (out.json) {
    out.printJson({
      providers: PROVIDER_LIST.map((id) => ({
        id,
        label: PROVIDERS[id].label,
        env: credentialHint(id) || null,
        capabilities: { ...matrix[id] },
      })),
    });
    return;
  }
  const { colors } = out;
  out.table({
    head: ['capability', ...PROVIDER_LIST.map((id) => PROVIDERS[id].label)],
    rows: CAPABILITIES.map((capability) => [
      capability,
      ...PROVIDER_LIST.map((id) => (matrix[id][capability] ? colors.green('yes') : colors.dim('-'))),
    ]),
    align: ['left', ...PROVIDER_LIST.map(() => 'center' as const)],
  });
  out.note(
    `credentials: ${PROVIDER_LIST.map((id) => `${id} ${credentialHint(id)}`).join('; ')}; or --emulate`,
  );
}
