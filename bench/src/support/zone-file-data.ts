/**
 * A zone file of `records` records as a DNS operator's export looks: SOA and NS first, then hosts
 * with A/AAAA, aliases, mail, TXT (SPF, verification strings, a DKIM key split over strings) and
 * SRV, with relative names, blank owners and a few explicit TTLs. Deterministic: the same count
 * gives the same bytes.
 */
export function zoneFileText(origin: string, records: number): string {
  const lines: string[] = [
    `$ORIGIN ${origin}.`,
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster 2026120701 7200 3600 1209600 300',
    '  IN NS ns1',
    '  IN NS ns2.example.net.',
    'ns1 IN A 192.0.2.1',
  ];
  // Three records so far (SOA aside: NS, NS, A); each entry below is one record.
  let count = 3;
  for (let host = 0; count < records; host++) {
    const name = `host${host}`;
    const a = `10.${(host >> 16) & 255}.${(host >> 8) & 255}.${host & 255}`;
    const entries = [
      `${name} IN A ${a}`,
      `  300 IN AAAA 2001:db8::${host.toString(16)}`,
      `  IN MX 10 mail${host % 50}`,
      `  IN TXT "v=spf1 ip4:${a} -all"`,
      `www.${name} IN CNAME ${name}`,
      `_sip._tcp.${name} 600 IN SRV 10 60 5060 ${name}`,
      `_verify.${name} IN TXT "token=${(host * 2654435761).toString(36)}" "second string; with a semicolon"`,
      `dkim._domainkey.${name} IN TXT ( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC" ; DKIM\n` +
        '    "AQEAwx2XkOWZLcpN6TzEzTpCkY8nFO2qzGbUrX1IFEkO0vGhV+gdp0yJPk5TkfnY1A3wHn8YL7Dq1vH0" )',
    ];
    for (const entry of entries) {
      if (count === records) break;
      lines.push(entry);
      count++;
    }
  }
  return `${lines.join('\n')}\n`;
}
