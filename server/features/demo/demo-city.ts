// The demo city, shaped like the article's (4 towns, 50 villages, 28 city leaders), generated
// deterministically. Every name is visibly fictional: a surname, "演" (for 演示) and a number.
import type { PositionTitle } from '../../../shared/contracts/people.js';

export const demoPassword = 'Fivestar@2026';

export type DemoUnit = {
  key: string;
  parentKey: string | null;
  level: 'city' | 'town' | 'village';
  kind: string;
  name: string;
  code: string;
  partyOrgType: string;
  partyOrgName: string;
  sortOrder: number;
};

export type DemoPerson = {
  unitKey: string;
  name: string;
  gender: '男' | '女';
  birthYear: number;
  idNumber: string;
  phone: string;
  partyMember: boolean;
  titles: PositionTitle[];
};

export type DemoAccount = { username: string; displayName: string; role: string; unitKey: string };

const towns = [
  { name: '东岭镇', kind: '镇', villages: 13 },
  { name: '西河镇', kind: '镇', villages: 13 },
  { name: '南山镇', kind: '镇', villages: 12 },
  { name: '北川街道', kind: '街道', villages: 12 },
];

const villageStems = [
  '红旗', '新兴', '长安', '和平', '太平', '福兴', '永丰', '兴隆', '前进', '胜利', '建设', '光明', '团结',
  '幸福', '丰收', '民主', '东风', '向阳', '五一', '新华', '安民', '富民', '平安', '清河', '石门', '柳林',
  '榆树', '杏花', '梨园', '松山', '白桦', '河东', '河西', '仁和', '长胜', '广兴', '德胜', '振兴', '共和',
  '新风', '青松', '金星', '银河', '友谊', '育才', '双河', '三合', '四方', '六合', '七星',
];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '金', '崔', '朴', '姜'];
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function chineseNumber(n: number): string {
  if (n <= 10) return numerals[n - 1] ?? String(n);
  if (n < 20) return `十${numerals[n - 11] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${numerals[tens - 1] ?? ''}十${ones ? (numerals[ones - 1] ?? '') : ''}`;
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Region code 999999 does not exist: a valid-looking but fictional ID number. */
export function demoIdNumber(birthYear: number, serial: number): string {
  const body = `999999${birthYear}0101${String(serial % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (idWeights[i] ?? 0);
  return body + ('10X98765432'[sum % 11] ?? '0');
}

export function buildDemoCity() {
  const units: DemoUnit[] = [
    { key: 'city', parentKey: null, level: 'city', kind: '市', name: '星岭市', code: 'CITY', partyOrgType: '党委', partyOrgName: '中共星岭市委', sortOrder: 0 },
  ];
  const people: DemoPerson[] = [];
  const accounts: DemoAccount[] = [
    { username: 'orgadmin', displayName: '组织部管理员', role: 'orgadmin', unitKey: 'city' },
    { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin', unitKey: 'city' },
    { username: 'secadmin', displayName: '安全管理员', role: 'secadmin', unitKey: 'city' },
    { username: 'auditor', displayName: '审计管理员', role: 'auditor', unitKey: 'city' },
    // Stage-2 judges (评委) from the departments; seedDemoPanels seats them on two panels.
    ...['一', '二', '三', '四', '五'].map((n, i) => ({ username: `judge0${i + 1}`, displayName: `评委${n}`, role: 'judge', unitKey: 'city' })),
    // Two officers of the violation register: whoever registers a case, the other one decides it.
    { username: 'inspector01', displayName: '纪检专员', role: 'inspector', unitKey: 'city' },
    { username: 'petition01', displayName: '信访专员', role: 'inspector', unitKey: 'city' },
  ];
  let serial = 0;
  const person = (unitKey: string, titles: PositionTitle[], partyMember = true): DemoPerson => {
    serial++;
    const birthYear = 1960 + ((serial * 7) % 40);
    const p: DemoPerson = {
      unitKey,
      name: `${surnames[serial % surnames.length]}演${chineseNumber(((serial - 1) % 99) + 1)}`,
      gender: serial % 3 === 0 ? '女' : '男',
      birthYear,
      idNumber: demoIdNumber(birthYear, serial),
      phone: `1380000${String(serial).padStart(4, '0')}`,
      partyMember,
      titles,
    };
    people.push(p);
    return p;
  };
  for (let i = 1; i <= 28; i++) person('city', ['市级领导']);
  let villageIndex = 0;
  towns.forEach((town, t) => {
    const townKey = `town${t + 1}`;
    const townCode = `T0${t + 1}`;
    units.push({ key: townKey, parentKey: 'city', level: 'town', kind: town.kind, name: town.name, code: townCode, partyOrgType: '党委', partyOrgName: `中共${town.name}委员会`, sortOrder: t + 1 });
    accounts.push({ username: `town0${t + 1}`, displayName: `${town.name}管理员`, role: 'town_admin', unitKey: townKey });
    person(townKey, ['镇级领导']);
    person(townKey, ['镇级领导']);
    for (let v = 1; v <= town.villages; v++) {
      villageIndex++;
      const stem = villageStems[villageIndex - 1] ?? `第${villageIndex}`;
      const community = town.kind === '街道' && v <= 3;
      const name = `${stem}${community ? '社区' : '村'}`;
      const key = `village${villageIndex}`;
      const big = villageIndex % 4 === 0;
      units.push({
        key,
        parentKey: townKey,
        level: 'village',
        kind: community ? '社区' : '行政村',
        name,
        code: `${townCode}-V${String(v).padStart(2, '0')}`,
        partyOrgType: big ? '党总支' : '党支部',
        partyOrgName: `${name}${big ? '党总支' : '党支部'}`,
        sortOrder: v,
      });
      accounts.push({ username: `v${String(villageIndex).padStart(2, '0')}`, displayName: `${name}管理员`, role: 'village_admin', unitKey: key });
      person(key, ['书记', '主任']);
      person(key, ['副书记']);
      person(key, ['两委委员']);
      person(key, ['两委委员']);
      if (villageIndex % 3 === 0) person(key, ['驻村第一书记']);
      if (villageIndex % 2 === 0) person(key, ['致富带头人'], villageIndex % 4 === 0);
      if (villageIndex % 5 === 0) person(key, ['土专家'], false);
    }
  });
  return { units, people, accounts };
}
