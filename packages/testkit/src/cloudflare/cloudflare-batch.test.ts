import { describe, expect, it } from 'vitest';
import { cloudflareClient, cloudflareEmulators, zoneIdOf } from '../test/cloudflare-test-client.js';

const start = cloudflareEmulators();
const ZONE = 'test-domain-1.com';

async function setup(options = {}) {
  const emu = await start({ seed: { recordsPerDomain: 0 }, ...options });
  const api = cloudflareClient(emu);
  const zoneId = await zoneIdOf(api, ZONE);
  const records = `/zones/${zoneId}/dns_records`;
  const create = async (body: Record<string, unknown>) => (await api('POST', records, body)).json.result;
  return { emu, api, zoneId, records, create };
}

describe('Cloudflare emulator: batch DNS changes', () => {
  it('applies deletes, patches, puts and posts and answers each list (deleted records in full)', async () => {
    const { api, records, create } = await setup();
    const gone = await create({ type: 'A', name: 'gone', content: '192.0.2.1' });
    const patchMe = await create({ type: 'A', name: 'patch', content: '192.0.2.2', ttl: 3600 });
    const putMe = await create({ type: 'A', name: 'put', content: '192.0.2.3', comment: 'old' });
    const res = await api('POST', `${records}/batch`, {
      deletes: [{ id: gone.id }],
      patches: [{ id: patchMe.id, content: '192.0.2.46' }],
      puts: [{ id: putMe.id, type: 'A', name: 'put', content: '192.0.2.50', ttl: 1 }],
      posts: [{ type: 'A', name: '@', content: '192.0.2.41', proxied: false, ttl: 3000 }],
    });
    expect(res.status).toBe(200);
    expect(res.json.success).toBe(true);
    expect(res.json.result.deletes).toEqual([gone]);
    expect(res.json.result.patches).toEqual([
      expect.objectContaining({ id: patchMe.id, content: '192.0.2.46', ttl: 3600 }),
    ]);
    expect(res.json.result.puts[0]).toMatchObject({ id: putMe.id, content: '192.0.2.50' });
    expect(res.json.result.puts[0]).not.toHaveProperty('comment');
    expect(res.json.result.posts).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: ZONE, ttl: 3000 }),
    ]);
    const listed = (await api('GET', records)).json.result.map(
      (r: { name: string; content: string }) => `${r.name} ${r.content}`,
    );
    expect(listed.sort()).toEqual(
      [`${ZONE} 192.0.2.41`, `patch.${ZONE} 192.0.2.46`, `put.${ZONE} 192.0.2.50`].sort(),
    );
  });

  it('runs deletes before posts: a record is replaced by one of another type on the same name in one batch', async () => {
    const { api, records, create } = await setup();
    const a = await create({ type: 'A', name: 'swap', content: '192.0.2.1' });
    // Posted first in the body, yet executed after the delete: no CNAME/A clash.
    const res = await api('POST', `${records}/batch`, {
      posts: [{ type: 'CNAME', name: 'swap', content: 'target.example.net' }],
      deletes: [{ id: a.id }],
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.result)).toEqual(['deletes', 'posts']);
    const listed = (await api('GET', `${records}?name=swap.${ZONE}`)).json.result;
    expect(listed.map((r: { type: string }) => r.type)).toEqual(['CNAME']);
  });

  it('runs patches before puts and posts, each list in the order given', async () => {
    const { api, records, create } = await setup();
    const r = await create({ type: 'TXT', name: 'o', content: '"1"' });
    const res = await api('POST', `${records}/batch`, {
      posts: [{ type: 'TXT', name: 'o', content: '"3"' }],
      puts: [{ id: r.id, type: 'TXT', name: 'o', content: '"2"' }],
      patches: [{ id: r.id, content: '"3"' }],
    });
    // patch sets "3", put then sets "2", so the post of "3" is not a duplicate.
    expect(res.status).toBe(200);
    expect(res.json.result.patches[0].content).toBe('"3"');
    expect(res.json.result.puts[0].content).toBe('"2"');
    const contents = (await api('GET', `${records}?type=TXT`)).json.result.map(
      (x: { content: string }) => x.content,
    );
    expect(contents.sort()).toEqual(['"2"', '"3"']);
  });

  it('is atomic: a failing item (the last post) leaves the zone exactly as it was and answers that error', async () => {
    const { emu, api, records, zoneId, create } = await setup();
    const keep = await create({ type: 'A', name: 'keep', content: '192.0.2.1' });
    const patchMe = await create({ type: 'A', name: 'p', content: '192.0.2.2' });
    const before = structuredClone(emu.state.records.get(zoneId));
    const res = await api('POST', `${records}/batch`, {
      deletes: [{ id: keep.id }],
      patches: [{ id: patchMe.id, content: '192.0.2.99' }],
      posts: [
        { type: 'A', name: 'new-1', content: '192.0.2.3' },
        { type: 'A', name: 'new-2', content: '999.0.0.1' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      errors: [{ code: 9005, message: 'Content for A record must be a valid IPv4 address.' }],
      messages: [],
      result: null,
    });
    expect(emu.state.records.get(zoneId)).toEqual(before);
    const listed = (await api('GET', records)).json.result.map((r: { name: string }) => r.name).sort();
    expect(listed).toEqual([`keep.${ZONE}`, `p.${ZONE}`]);
  });

  it('fails the whole batch on an unknown id in deletes (404/81044) and on a duplicate created inside it', async () => {
    const { api, records } = await setup();
    const unknown = await api('POST', `${records}/batch`, {
      posts: [{ type: 'A', name: 'x', content: '192.0.2.1' }],
      deletes: [{ id: 'f'.repeat(32) }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors).toEqual([{ code: 81044, message: 'Record does not exist.' }]);
    const dup = await api('POST', `${records}/batch`, {
      posts: [
        { type: 'A', name: 'x', content: '192.0.2.1' },
        { type: 'A', name: 'x', content: '192.0.2.1' },
      ],
    });
    expect(dup.json.errors[0].code).toBe(81058);
    expect((await api('GET', records)).json.result).toEqual([]);
  });

  it('limits a batch to 200 changes on the free plan and 3,500 on paid plans (all lists together)', async () => {
    const post = (i: number) => ({ type: 'A', name: `n${i}`, content: '192.0.2.1' });
    const free = await setup({ recordQuota: null });
    const over = await free.api('POST', `${free.records}/batch`, {
      posts: Array.from({ length: 200 }, (_, i) => post(i)),
      deletes: [{ id: 'a'.repeat(32) }],
    });
    expect(over.status).toBe(400);
    expect(over.json.errors).toEqual([
      { code: 10000, message: 'Batch request exceeds the maximum of 200 record changes' },
    ]);
    const atLimit = await free.api('POST', `${free.records}/batch`, {
      posts: Array.from({ length: 200 }, (_, i) => post(i)),
    });
    expect(atLimit.json.result.posts).toHaveLength(200);
    const pro = await setup({ plan: 'pro' });
    const big = await pro.api('POST', `${pro.records}/batch`, {
      posts: Array.from({ length: 3500 }, (_, i) => post(i)),
    });
    expect(big.status).toBe(200);
    const tooBig = await pro.api('POST', `${pro.records}/batch`, {
      posts: Array.from({ length: 3501 }, (_, i) => post(i)),
    });
    expect(tooBig.status).toBe(400);
  });
});
