import { describe, expect, it } from 'vitest';
import { buildForest, isValidParent, type OrgRow } from './orgs.js';

const row = (id: string, parentId: string | null, path: string, sortOrder = 0): OrgRow => ({
  id, parentId, path, sortOrder, level: 'town', kind: '镇', name: id, code: id, partyOrgType: '党委', partyOrgName: id, active: true, parentName: null,
});

describe('org tree rules', () => {
  it('when parents are checked, then towns go under cities and villages under towns only', () => {
    expect(isValidParent('city', '镇')).toBe(true);
    expect(isValidParent('city', '街道')).toBe(true);
    expect(isValidParent('town', '社区')).toBe(true);
    expect(isValidParent('village', '行政村')).toBe(false);
    expect(isValidParent('city', '行政村')).toBe(false);
    expect(isValidParent('town', '镇')).toBe(false);
  });

  it('when rows come in any order, then the forest nests them under their parents, sorted', () => {
    const forest = buildForest([row('v2', 't1', '/c/t1/v2/', 2), row('v1', 't1', '/c/t1/v1/', 1), row('t1', 'c', '/c/t1/'), row('t2', 'c', '/c/t2/', 1)]);
    expect(forest.map((n) => n.id)).toEqual(['t1', 't2']);
    expect(forest[0]?.children.map((n) => n.id)).toEqual(['v1', 'v2']);
  });
});
