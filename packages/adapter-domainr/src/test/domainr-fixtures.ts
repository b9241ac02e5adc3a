/** Payloads of the Domainr v2 and Fastly APIs used by several tests (shapes from docs/providers/domainr.md). */

/** A v2 `/v2/status` answer for one name, with the deprecated `summary` Domainr still sends. */
export const statusBody = (domain: string, status: string, zone = 'com') => ({
  status: [{ domain, zone, status, summary: status.split(' ').pop() }],
});

/** A Fastly `tools/status` answer with aftermarket offers in two currencies. */
export const marketed = {
  domain: 'la.co',
  zone: 'co',
  status: 'active marketed priced',
  tags: 'aftermarket',
  offers: [
    { vendor: 'PricierMarket', price: '4800.00', currency: 'USD' },
    { vendor: 'ExampleAftermarket', price: '2500.5', currency: 'USD' },
    { vendor: 'EuroMarket', price: '100.00', currency: 'EUR' },
  ],
};
