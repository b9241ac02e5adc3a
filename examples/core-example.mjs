// The core in action on the testkit's reference registrar and its loopback emulator: no account,
// no network. Run with `node examples/core-example.mjs` after `pnpm build`. The project's main job is
// the CLI (`registrar-kit demo` walks through every provider); this shows the core API alone.
import { comparePrices, isRegistrarError, toArray } from '@registrar-kit/core';
import { createReferenceRegistrar, startReferenceEmulator } from '@registrar-kit/testkit/emulators';

const emulator = await startReferenceEmulator({ seed: { domains: 3 } });
try {
  const registrar = createReferenceRegistrar({
    baseURL: emulator.url,
    apiKey: emulator.seedInfo.credentials.apiKey,
  });
  console.log(`registrar-kit core example (reference emulator at ${emulator.url})\n`);

  const domains = await toArray(registrar.listDomains());
  console.log('Portfolio:');
  for (const d of domains)
    console.log(
      `  ${d.unicodeName.padEnd(20)} expires ${d.expiresAt?.toISOString().slice(0, 10)}  lock=${d.transferLock}`,
    );

  console.log('\nAvailability:');
  for (const name of ['available-name.com', 'registered-name.com', 'premium-name.com']) {
    const a = await registrar.checkAvailability(name);
    console.log(
      `  ${name.padEnd(20)} ${a.status.padEnd(10)} ${a.price ? `${a.price.amount} ${a.price.currency}` : ''}`,
    );
  }

  const { quotes } = await comparePrices([registrar], 'available-name.com', {
    operation: 'register',
    years: 2,
  });
  console.log(`\nTwo years of available-name.com: ${quotes[0].price.amount} ${quotes[0].price.currency}`);

  const record = await registrar.createRecord('bücher.com', {
    type: 'TXT',
    name: '@',
    content: 'v=spf1 -all',
    ttl: 3600,
  });
  console.log(`\nCreated ${record.type} ${record.fqdn} "${record.content}" (id ${record.id})`);

  try {
    await registrar.createRecord('bücher.com', { type: 'CNAME', name: '@', content: 'x.example.net' });
  } catch (error) {
    if (isRegistrarError(error)) console.log(`Refused before sending: ${error.name}: ${error.message}`);
  }
} finally {
  await emulator.close();
}
