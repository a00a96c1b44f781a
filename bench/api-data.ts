// Seeded data for the API benchmark: one tenant (a city root) with towns, villages, people and
// their positions, inserted through the features' own query functions in batches.
import type { Services } from '../server/context.js';
import { insertOrgUnits } from '../server/features/orgs/orgs.queries.js';
import { childPath } from '../server/features/orgs/orgs.js';
import { insertPeople, insertPositions } from '../server/features/people/people.queries.js';
import { encodeContact } from '../server/features/people/contact-data.js';
import { insertUser, replaceRoleGrants } from '../server/features/accounts/accounts.queries.js';
import { hashPassword } from '../server/security/passwords.js';
import { createPrng, type Prng } from './prng.js';

export type ScaleName = 'county' | 'province';
export type ScaleSpec = { name: ScaleName; towns: number; villages: number; peoplePerVillage: [number, number] };

export const scales: Record<ScaleName, ScaleSpec> = {
  county: { name: 'county', towns: 4, villages: 50, peoplePerVillage: [5, 7] },
  province: { name: 'province', towns: 200, villages: 10_000, peoplePerVillage: [5, 7] },
};

export const benchPassword = 'Bench-Password-2026';
/** A character in about one village name in fourteen: the `q=` search. */
export const nameFragment = '山';

type Unit = { id: string; path: string; name: string; code: string };
export type Dataset = {
  countyId: string;
  city: Unit;
  towns: Unit[];
  villages: number;
  people: number;
  positions: number;
  users: { cityAdmin: string; townAdmin: string };
  passwordHash: string;
  loadMs: { orgUnits: number; people: number; positions: number; accounts: number };
};

const townChars = '东南西北上下前后新老大小金银青白红黄清长';
const villageChars = '山河湖桥林家庄坪岗湾溪塘田园沟坝峪口堡寨营屯石岭台泉井';
const surnames = '王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓';
const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文红玉兰';
// Village cadres: the first k of these for a village of k people.
const villageTitles = ['书记', '主任', '副书记', '两委委员', '两委委员', '驻村第一书记', '致富带头人'] as const;

const pick = (prng: Prng, chars: string) => chars[prng.int(0, chars.length - 1)] ?? '';

/** A v4-shaped UUID from the seeded stream, so every run inserts the same rows. */
function uuidFrom(prng: Prng): string {
  const bytes = Array.from({ length: 16 }, () => prng.int(0, 255));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid, unique 18-digit resident ID for person number `n` born in `year`. */
function idNumberOf(n: number, year: number): string {
  const body = `${110000 + Math.floor(n / 1000)}${year}0101${String(n % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (idWeights[i] ?? 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

const elapsed = (t0: number) => performance.now() - t0;

export async function loadDataset(services: Services, spec: ScaleSpec, seed = 20260302): Promise<Dataset> {
  const prng = createPrng(seed);
  const { db } = services;
  const countyId = uuidFrom(prng);
  const city: Unit = { id: countyId, path: `/${countyId}/`, name: spec.name === 'county' ? '基准县级市' : '基准省级租户', code: 'CITY' };
  type OrgInsert = Parameters<typeof insertOrgUnits>[1][number];
  const orgRows: OrgInsert[] = [
    { id: city.id, countyId, parentId: null, level: 'city', kind: '市', name: city.name, code: city.code, path: city.path, partyOrgType: '党委', partyOrgName: `${city.name}党委` },
  ];
  const towns: Unit[] = [];
  for (let t = 0; t < spec.towns; t++) {
    const id = uuidFrom(prng);
    const name = `${townChars[t % townChars.length]}${townChars[Math.floor(t / townChars.length) % townChars.length]}${t >= 400 ? t : ''}镇`;
    const town = { id, path: childPath(city.path, id), name, code: `T${String(t + 1).padStart(3, '0')}` };
    towns.push(town);
    orgRows.push({ id, countyId, parentId: city.id, level: 'town', kind: '镇', name, code: town.code, path: town.path, partyOrgType: '党委', partyOrgName: `${name}党委`, sortOrder: t });
  }
  // Villages spread evenly over the towns, numbered within their town.
  const villageUnits: { unit: Unit; town: Unit }[] = [];
  for (let t = 0; t < spec.towns; t++) {
    const town = towns[t] as Unit;
    const count = Math.floor(((t + 1) * spec.villages) / spec.towns) - Math.floor((t * spec.villages) / spec.towns);
    for (let v = 0; v < count; v++) {
      const id = uuidFrom(prng);
      const name = `${pick(prng, villageChars)}${pick(prng, villageChars)}${v + 1}村`;
      const unit = { id, path: childPath(town.path, id), name, code: `${town.code}-V${String(v + 1).padStart(3, '0')}` };
      villageUnits.push({ unit, town });
      orgRows.push({ id, countyId, parentId: town.id, level: 'village', kind: '行政村', name, code: unit.code, path: unit.path, partyOrgType: '党支部', partyOrgName: `${name}党支部`, sortOrder: v });
    }
  }
  let t0 = performance.now();
  for (let i = 0; i < orgRows.length; i += 5000) await insertOrgUnits(db, orgRows.slice(i, i + 5000));
  const orgMs = elapsed(t0);

  // People and positions, a thousand villages at a time so memory stays flat.
  let peopleCount = 0;
  let positionCount = 0;
  let peopleMs = 0;
  let positionsMs = 0;
  for (let start = 0; start < villageUnits.length; start += 1000) {
    const personRows: Parameters<typeof insertPeople>[1] = [];
    const positionRows: Parameters<typeof insertPositions>[1] = [];
    for (const { unit } of villageUnits.slice(start, start + 1000)) {
      const size = prng.int(spec.peoplePerVillage[0], spec.peoplePerVillage[1]);
      const oneShoulder = prng.next() < 0.6; // 书记 also 主任 (一肩挑)
      for (let k = 0; k < size; k++) {
        const n = peopleCount++;
        const id = uuidFrom(prng);
        const birthYear = prng.int(1958, 1998);
        const contact = encodeContact(services.crypto, { idNumber: idNumberOf(n, birthYear), phone: `138${String(n).padStart(8, '0')}` });
        personRows.push({
          id,
          countyId,
          orgUnitId: unit.id,
          orgPath: unit.path,
          name: `${pick(prng, surnames)}${pick(prng, givenChars)}${prng.next() < 0.6 ? pick(prng, givenChars) : ''}`,
          gender: prng.next() < 0.7 ? '男' : '女',
          birthYear,
          partyMember: k < 4 || prng.next() < 0.5,
          ...contact,
        });
        const title = k === 1 && oneShoulder ? '副主任' : (villageTitles[k] ?? '两委委员');
        positionRows.push({ countyId, personId: id, orgUnitId: unit.id, title, startDate: '2021-01-15', endDate: null });
        if (k === 0 && oneShoulder) positionRows.push({ countyId, personId: id, orgUnitId: unit.id, title: '主任', startDate: '2021-01-15', endDate: null });
        // Some hold an earlier, ended term: the "current title" filter must skip it.
        if (prng.next() < 0.15) positionRows.push({ countyId, personId: id, orgUnitId: unit.id, title: '书记', startDate: '2018-01-10', endDate: '2020-12-31' });
      }
    }
    t0 = performance.now();
    await insertPeople(db, personRows);
    peopleMs += elapsed(t0);
    t0 = performance.now();
    await insertPositions(db, positionRows);
    positionsMs += elapsed(t0);
    positionCount += positionRows.length;
  }

  t0 = performance.now();
  const passwordHash = await hashPassword(benchPassword);
  const users = { cityAdmin: `bench-${spec.name}-orgadmin`, townAdmin: `bench-${spec.name}-town1` };
  const account = async (username: string, role: 'orgadmin' | 'town_admin', orgUnitId: string) => {
    const id = uuidFrom(prng);
    await insertUser(db, { id, countyId, username, displayName: username, passwordHash });
    await replaceRoleGrants(db, countyId, id, [{ role, orgUnitId }]);
  };
  await account(users.cityAdmin, 'orgadmin', city.id);
  await account(users.townAdmin, 'town_admin', (towns[0] as Unit).id);
  const accountsMs = elapsed(t0);

  return {
    countyId,
    city,
    towns,
    villages: villageUnits.length,
    people: peopleCount,
    positions: positionCount,
    users,
    passwordHash,
    loadMs: { orgUnits: orgMs, people: peopleMs, positions: positionsMs, accounts: accountsMs },
  };
}
