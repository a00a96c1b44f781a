// The org tree one level at a time and its search: what each caller sees is their own subtree,
// a level at a time, and a hit carries the ids to open down to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let org: Client;
let town1: Client;
beforeAll(async () => {
  t = await startTestApp();
  org = await loginAs(t.app, 'orgadmin');
  town1 = await loginAs(t.app, 'town1');
});
afterAll(() => t.close());

type Node = { id: string; name: string; childCount: number; ancestorIds: string[]; parentName: string | null };
const children = async (c: Client, parentId?: string) => {
  const res = await c.get(`/api/org-units/tree/children${parentId ? `?parentId=${parentId}` : ''}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Node[];
};

describe('lazy org tree', () => {
  it('when the city admin opens the tree, then only the city comes, then its towns, then a town’s villages, each with its child count', async () => {
    const roots = await children(org);
    expect(roots.map((n) => [n.name, n.childCount, n.ancestorIds])).toEqual([['测试市', 2, []]]);
    const towns = await children(org, t.city.city.id);
    expect(towns.map((n) => [n.name, n.childCount])).toEqual([
      ['甲镇', 2],
      ['乙镇', 2],
    ]);
    const villages = await children(org, t.city.towns[0].id);
    expect(villages.map((n) => [n.name, n.childCount, n.ancestorIds])).toEqual([
      ['甲一村', 0, [t.city.city.id, t.city.towns[0].id]],
      ['甲二村', 0, [t.city.city.id, t.city.towns[0].id]],
    ]);
  });

  it('when a town admin opens the tree, then their town is the root and another town is not found', async () => {
    const roots = await children(town1);
    expect(roots.map((n) => [n.name, n.ancestorIds])).toEqual([['甲镇', []]]);
    const other = await town1.get(`/api/org-units/tree/children?parentId=${t.city.towns[1].id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('org.not_found');
    // Asking for the children of the city, above the scope, is refused too: no sibling town leaks.
    expect((await town1.get(`/api/org-units/tree/children?parentId=${t.city.city.id}`)).statusCode).toBe(404);
  });

  it('when the tree is searched, then hits in scope come with the ids to open down to them', async () => {
    const all = (await org.get(`/api/org-units/tree/search?q=${encodeURIComponent('一村')}`)).json();
    expect(all.items.map((n: Node) => n.name).sort()).toEqual(['乙一村', '甲一村']);
    expect(all.more).toBe(false);
    const hit = all.items.find((n: Node) => n.name === '乙一村');
    expect(hit.ancestorIds).toEqual([t.city.city.id, t.city.towns[1].id]);
    const own = (await town1.get(`/api/org-units/tree/search?q=${encodeURIComponent('一村')}`)).json();
    expect(own.items.map((n: Node) => [n.name, n.ancestorIds])).toEqual([['甲一村', [t.city.towns[0].id]]]);
  });

  it('when a search would match more than fifty units, then fifty come and more is said', async () => {
    const town = t.city.towns[1];
    for (let i = 0; i < 51; i++) {
      const res = await org.post('/api/org-units', { parentId: town.id, kind: '行政村', name: `多多${i}村`, code: `DD-${i}`, partyOrgType: '党支部', partyOrgName: `多多${i}村党支部` });
      expect(res.statusCode).toBe(200);
    }
    const res = (await org.get(`/api/org-units/tree/search?q=${encodeURIComponent('多多')}`)).json();
    expect(res.items).toHaveLength(50);
    expect(res.more).toBe(true);
    expect((await children(org, t.city.city.id)).find((n) => n.id === town.id)?.childCount).toBe(53);
  });

  it('when the search text is empty or a parent id is not a uuid, then the request is refused', async () => {
    expect((await org.get('/api/org-units/tree/search?q=')).statusCode).toBe(400);
    expect((await org.get('/api/org-units/tree/children?parentId=abc')).statusCode).toBe(400);
    expect((await org.get('/api/org-units/tree/children?parent=abc')).json().error.code).toBe('validation.unknown_field');
  });
});
