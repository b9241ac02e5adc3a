// One child process of commonjs.test.ts: loads every published package with require() (their
// CommonJS builds, through each package.json's "require" export) and makes real calls against the
// emulators whose URLs and credentials come in the CONFIG environment variable. Prints one JSON
// line: what each call returned, or the error's name and message.
const { join } = require('node:path');

/** The npm packages in require.cache (each once, sorted): what loading and calling have loaded. */
function loadedPackages() {
  const names = new Set();
  for (const path of Object.keys(require.cache)) {
    const parts = path.split(/[\\/]node_modules[\\/]/);
    if (parts.length < 2) continue;
    const [scope, name] = parts.at(-1).split(/[\\/]/);
    names.add(scope.startsWith('@') ? `${scope}/${name}` : scope);
  }
  return [...names].sort();
}

const config = JSON.parse(process.env.CONFIG);
const packages = join(__dirname, '..', '..', '..');
const load = (dir) => require(join(packages, dir));
const { createPocketDns } = load('adapter-pocketdns');
const { createDnsimple } = load('adapter-dnsimple');
const { createGlauca } = load('adapter-glauca');
const { createDomainr } = load('adapter-domainr');
const { createPorkbun } = load('adapter-porkbun');
const { createNamecheap } = load('adapter-namecheap');
const { createCloudflare } = load('adapter-cloudflare');
const { createRegistrar, comparePrices } = load('registrar-kit');
const loadedByRequire = loadedPackages();

const fast = { retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 } };
const registrars = {
  pocketdns: createPocketDns({ ...fast, ...config.pocketdns }),
  dnsimple: createDnsimple({ ...fast, ...config.dnsimple }),
  glauca: createGlauca({ ...fast, ...config.glauca }),
  domainr: createDomainr({ ...fast, ...config.domainr }),
  porkbun: createPorkbun({ ...fast, ...config.porkbun }),
  namecheap: createNamecheap({ ...fast, ...config.namecheap }),
  cloudflare: createCloudflare({ ...fast, ...config.cloudflare }),
  'registrar-kit createRegistrar (dnsimple)': createRegistrar({
    provider: 'dnsimple',
    ...fast,
    ...config.dnsimple,
  }),
};

const outcome = (promise) =>
  promise.then(
    (value) => ({ ok: value }),
    (error) => ({ error: `${error?.name}: ${error?.message}` }),
  );

async function first(iterable) {
  for await (const item of iterable) return item;
  return null;
}

async function main() {
  const out = {};
  for (const [label, registrar] of Object.entries(registrars)) {
    if (registrar.provider === 'domainr') {
      out[label] = { checkAvailability: await outcome(registrar.checkAvailability(config.freeName)) };
      continue;
    }
    const listed = await outcome(first(registrar.listDomains()));
    const name = listed.ok?.name;
    out[label] = {
      listDomains: listed,
      getDomain: await outcome(registrar.getDomain(name)),
      createRecord: await outcome(
        registrar.createRecord(name, { type: 'TXT', name: 'cjs', content: `required ${label}`, ttl: 3600 }),
      ),
    };
  }
  const comparison = await comparePrices(
    [
      registrars.pocketdns,
      registrars.dnsimple,
      registrars.glauca,
      registrars.porkbun,
      registrars.namecheap,
      registrars.cloudflare,
    ],
    config.freeName,
  );
  out.comparePrices = {
    quotes: comparison.quotes.map((quote) => quote.provider),
    failures: comparison.failures.map((f) => `${f.provider}: ${f.error.name}: ${f.error.message}`),
  };
  out.loadedPackages = { byRequire: loadedByRequire, afterCalls: loadedPackages() };
  process.stdout.write(JSON.stringify(out));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stdout.write(JSON.stringify({ crashed: String(error?.stack ?? error) }));
    process.exit(1);
  },
);
