// The people spreadsheet: template, import rules (pure) and export rows.
import { randomUUID } from 'node:crypto';
import { positionTitleSchema, type Person, type PositionTitle } from '../../../shared/contracts/people.js';
import { isValidIdNumber, isValidPhone } from '../../../shared/mask.js';
import type { ReadRow, RowError, SheetSpec } from '../../spreadsheets/xlsx-table.js';

type PeopleSheetKey = 'name' | 'gender' | 'birthYear' | 'idNumber' | 'phone' | 'partyMember' | 'orgCode' | 'orgName' | 'titles' | 'startDate';

export const peopleSheet: SheetSpec<PeopleSheetKey> = {
  name: '人员',
  columns: [
    { key: 'name', header: '姓名', required: true, note: '最多 40 字' },
    { key: 'gender', header: '性别', required: true, note: '男 或 女' },
    { key: 'birthYear', header: '出生年份', note: '四位年份，如 1980' },
    { key: 'idNumber', header: '身份证号', width: 22, note: '18 位，含校验位；全市唯一，可不填' },
    { key: 'phone', header: '手机号', width: 14, note: '11 位手机号，可不填' },
    { key: 'partyMember', header: '是否党员', required: true, note: '是 或 否' },
    { key: 'orgCode', header: '所在组织编码', required: true, note: '组织架构中的组织编码' },
    { key: 'titles', header: '职务', width: 24, note: '多个职务用顿号“、”分隔，如：书记、主任' },
    { key: 'startDate', header: '任职开始日期', width: 14, note: 'YYYY-MM-DD，不填为导入当天' },
  ],
};

export const peopleExportSheet: SheetSpec<PeopleSheetKey> = {
  name: '人员',
  columns: [
    ...peopleSheet.columns.filter((c) => c.key !== 'startDate'),
    { key: 'orgName', header: '所在组织', width: 20 },
  ],
};

export const peopleTemplateExample = [
  { name: '示例人员', gender: '男', birthYear: 1980, idNumber: '', phone: '', partyMember: '是', orgCode: 'T99-V01', titles: '书记、主任', startDate: '2024-01-01' },
];

export type OrgRef = { id: string; path: string };
export type NewPerson = {
  id: string;
  orgUnitId: string;
  orgPath: string;
  name: string;
  gender: '男' | '女';
  birthYear: number | null;
  idNumber: string | null;
  phone: string | null;
  partyMember: boolean;
  positions: { title: PositionTitle; orgUnitId: string; startDate: string; endDate: null }[];
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function planPeopleImport(
  rows: ReadRow<PeopleSheetKey>[],
  unitsByCode: Map<string, OrgRef>,
  isIdTaken: (idNumber: string) => boolean,
  today: string,
): { people: NewPerson[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const out: NewPerson[] = [];
  const idsInFile = new Set<string>();
  for (const { row, values: v } of rows) {
    const before = errors.length;
    const fail = (field: string, reason: string) => errors.push({ row, field, reason });
    if (!v.name || v.name.length > 40) fail('姓名', '姓名必填，最多 40 字');
    if (v.gender !== '男' && v.gender !== '女') fail('性别', '性别应为“男”或“女”');
    const birthYear = v.birthYear ? Number(v.birthYear) : null;
    if (birthYear !== null && !(Number.isInteger(birthYear) && birthYear >= 1920 && birthYear <= 2020)) fail('出生年份', '出生年份应为 1920–2020 的四位年份');
    const idNumber = v.idNumber ? v.idNumber.toUpperCase() : null;
    if (idNumber && !isValidIdNumber(idNumber)) fail('身份证号', '身份证号格式或校验位不正确');
    else if (idNumber && (idsInFile.has(idNumber) || isIdTaken(idNumber))) fail('身份证号', '该身份证号已登记');
    if (idNumber) idsInFile.add(idNumber);
    const phone = v.phone || null;
    if (phone && !isValidPhone(phone)) fail('手机号', '手机号应为 11 位');
    if (v.partyMember !== '是' && v.partyMember !== '否') fail('是否党员', '应填“是”或“否”');
    const unit = unitsByCode.get(v.orgCode);
    if (!unit) fail('所在组织编码', `组织“${v.orgCode}”不存在或不在您的管理范围内`);
    const titles = v.titles ? v.titles.split(/[、,，;；\s]+/).filter(Boolean) : [];
    const parsedTitles = titles.map((t) => positionTitleSchema.safeParse(t));
    parsedTitles.forEach((p, i) => p.success || fail('职务', `“${titles[i]}”不是可选的职务`));
    const startDate = v.startDate || today;
    if (!datePattern.test(startDate) || Number.isNaN(Date.parse(startDate))) fail('任职开始日期', '日期格式应为 YYYY-MM-DD');
    if (errors.length > before || !unit) continue;
    out.push({
      id: randomUUID(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      name: v.name,
      gender: v.gender as '男' | '女',
      birthYear,
      idNumber,
      phone,
      partyMember: v.partyMember === '是',
      positions: parsedTitles.map((p) => ({ title: p.data as PositionTitle, orgUnitId: unit.id, startDate, endDate: null })),
    });
  }
  return { people: out, errors };
}

export function personExportRow(p: Person, orgCode: string, today: string) {
  const current = p.positions.filter((x) => x.endDate === null || x.endDate >= today);
  return {
    name: p.name,
    gender: p.gender,
    birthYear: p.birthYear,
    idNumber: p.idNumberMasked ?? '',
    phone: p.phoneMasked ?? '',
    partyMember: p.partyMember ? '是' : '否',
    orgCode,
    orgName: p.orgUnitName,
    titles: current.map((x) => x.title).join('、'),
  };
}
