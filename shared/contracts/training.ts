// Training (三门课程, 升星): sessions of the three course types, attendance, study tours and
// their reports, people's training records, coverage, and the local-expert pool.
import { z } from 'zod';
import { dateStringSchema, pageQuerySchema, queryBooleanSchema } from './common.js';
import type { PositionTitle } from './people.js';

export const courseTypes = ['lecture', 'mentoring', 'tour'] as const;
export const courseTypeSchema = z.enum(courseTypes);
export type CourseType = z.infer<typeof courseTypeSchema>;
export const courseTypeLabels: Record<CourseType, string> = {
  lecture: '专题辅导课',
  mentoring: '帮带指导课',
  tour: '研修提升课',
};

/** Lectures come in three categories; mentoring courses by topic; tours have none. */
export const lectureCategories = ['思想理论', '专业能力', '综合提升'] as const;
export const mentoringTopics = ['农业产业', '经营管理', '种植养殖', '电子商务', '其他技能'] as const;
export const categoriesOf: Record<CourseType, readonly string[]> = {
  lecture: lectureCategories,
  mentoring: mentoringTopics,
  tour: [],
};
export const trainingCategorySchema = z.enum([...lectureCategories, ...mentoringTopics]);
export type TrainingCategory = z.infer<typeof trainingCategorySchema>;

/** Departments the organization department runs courses with; free text is allowed too. */
export const partnerDepartmentSuggestions = ['市委组织部', '工信局', '农业农村局', '科协', '乡村振兴局', '人社局', '商务局'];

/** Intended audiences, each a set of position titles from the people register. */
export const audienceGroups = ['两委干部', '驻村干部', '致富带头人', '乡土人才', '镇级干部'] as const;
export const audienceGroupSchema = z.enum(audienceGroups);
export type AudienceGroup = z.infer<typeof audienceGroupSchema>;
export const audienceTitles: Record<AudienceGroup, readonly PositionTitle[]> = {
  两委干部: ['书记', '副书记', '主任', '副主任', '两委委员'],
  驻村干部: ['驻村第一书记', '驻村干部'],
  致富带头人: ['致富带头人'],
  乡土人才: ['土专家', '田秀才'],
  镇级干部: ['镇级领导'],
};
/** The village "two committees" cadres: what coverage and the standard's cadreCount count. */
export const cadreTitles = audienceTitles.两委干部;

export const sessionStatuses = ['planned', 'completed', 'cancelled'] as const;
export const sessionStatusSchema = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;
export const sessionStatusLabels: Record<SessionStatus, string> = { planned: '计划中', completed: '已结束', cancelled: '已取消' };

/** The organizer's switch for QR sign-in (none → open ⇄ closed). */
export const signInStates = ['none', 'open', 'closed'] as const;
export type SignInState = (typeof signInStates)[number];

export const attendanceStatuses = ['present', 'excused', 'absent'] as const;
export const attendanceStatusSchema = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;
export const attendanceStatusLabels: Record<AttendanceStatus, string> = { present: '出席', excused: '请假', absent: '缺席' };

export const attendanceMethods = ['qr', 'manual', 'import'] as const;
export type AttendanceMethod = (typeof attendanceMethods)[number];
export const attendanceMethodLabels: Record<AttendanceMethod, string> = { qr: '扫码签到', manual: '手工登记', import: 'Excel 导入' };

const yearSchema = z.coerce.number().int().min(2000).max(2100);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const sessionCreateSchema = z.strictObject({
  courseType: courseTypeSchema,
  category: trainingCategorySchema.nullable().optional(),
  topic: text(100),
  /** The organizing unit: the city (the department) or a town. */
  orgUnitId: z.uuid(),
  organizer: text(60),
  partners: z.array(text(30)).max(10).default([]),
  lecturer: optionalText(60),
  date: dateStringSchema,
  endDate: dateStringSchema.nullable().optional(),
  /** For a study tour: the destination. */
  place: text(100),
  hours: z.number().positive().max(200).multipleOf(0.5),
  audience: z.array(audienceGroupSchema).max(audienceGroups.length).default([]),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  /** What was learned (study tours) or a short summary. */
  summary: optionalText(2000),
});
export type SessionCreate = z.infer<typeof sessionCreateSchema>;

export const sessionUpdateSchema = sessionCreateSchema.omit({ courseType: true, orgUnitId: true }).partial().strict();
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

export const sessionSchema = z.object({
  id: z.uuid(),
  courseType: courseTypeSchema,
  category: z.string().nullable(),
  topic: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  organizer: z.string(),
  partners: z.array(z.string()),
  lecturer: z.string().nullable(),
  date: dateStringSchema,
  endDate: dateStringSchema.nullable(),
  place: z.string(),
  hours: z.number(),
  audience: z.array(z.string()),
  capacity: z.number().int().nullable(),
  summary: z.string().nullable(),
  status: sessionStatusSchema,
  signInState: z.enum(signInStates),
  /** Counts among the attendees the caller may see. */
  present: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  reports: z.number().int(),
  /** Whether the caller may change this session (the UI hides the buttons otherwise). */
  canEdit: z.boolean(),
});
export type TrainingSession = z.infer<typeof sessionSchema>;

export const sessionListQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  courseType: courseTypeSchema.optional(),
  category: trainingCategorySchema.optional(),
  status: sessionStatusSchema.optional(),
  q: z.string().trim().max(40).optional(),
});
export type SessionListQuery = z.infer<typeof sessionListQuerySchema>;

/** The organizer's view of the sign-in link; the QR encodes origin + path. */
export const signInLinkSchema = z.object({
  state: z.enum(signInStates),
  path: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type SignInLink = z.infer<typeof signInLinkSchema>;

export const attendanceSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  titles: z.array(z.string()),
  status: attendanceStatusSchema,
  method: z.enum(attendanceMethods),
  signedInAt: z.string().nullable(),
  hoursCredited: z.number(),
  note: z.string().nullable(),
  report: z.object({ title: z.string(), content: z.string(), submittedOn: dateStringSchema }).nullable(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const attendanceListQuerySchema = pageQuerySchema.extend({
  status: attendanceStatusSchema.optional(),
  q: z.string().trim().max(40).optional(),
});
export type AttendanceListQuery = z.infer<typeof attendanceListQuerySchema>;

export const attendanceParamsSchema = z.strictObject({ id: z.uuid(), personId: z.uuid() });

export const attendanceSetSchema = z.strictObject({
  status: attendanceStatusSchema,
  note: optionalText(200),
});
export type AttendanceSet = z.infer<typeof attendanceSetSchema>;

export const tourReportSchema = z.strictObject({
  title: text(100),
  content: text(5000),
  submittedOn: dateStringSchema,
});
export type TourReport = z.infer<typeof tourReportSchema>;

// ---- public QR sign-in ------------------------------------------------------------------

export const signInTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const publicSignInStates = ['open', 'not_started', 'ended', 'closed'] as const;
export const publicSessionSchema = z.object({
  topic: z.string(),
  courseType: courseTypeSchema,
  date: dateStringSchema,
  endDate: dateStringSchema.nullable(),
  place: z.string(),
  organizer: z.string(),
  hours: z.number(),
  state: z.enum(publicSignInStates),
});
export type PublicSession = z.infer<typeof publicSessionSchema>;

export const signInRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  /** The last four characters of the phone or of the ID number (which may end in X). */
  last4: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^\d{3}[\dX]$/, '请输入 4 位数字')),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInResultSchema = z.object({
  result: z.enum(['signed_in', 'already_signed_in']),
  name: z.string(),
  topic: z.string(),
  hours: z.number(),
  signedInAt: z.string(),
});
export type SignInResult = z.infer<typeof signInResultSchema>;

// ---- records, coverage, overview --------------------------------------------------------

export const recordListQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  orgUnitId: z.uuid().optional(),
  group: audienceGroupSchema.optional(),
  /** false: the people of the groups who had no training this year. */
  trained: queryBooleanSchema.optional(),
  q: z.string().trim().max(40).optional(),
});
export type RecordListQuery = z.infer<typeof recordListQuerySchema>;

export const recordRowSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  titles: z.array(z.string()),
  sessions: z.number().int(),
  hours: z.number(),
  lastDate: dateStringSchema.nullable(),
});
export type RecordRow = z.infer<typeof recordRowSchema>;

export const personRecordQuerySchema = z.object({ year: yearSchema.optional() });

export const personRecordSchema = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), orgUnitName: z.string(), titles: z.array(z.string()) }),
  year: z.number().int(),
  years: z.array(z.object({ year: z.number().int(), sessions: z.number().int(), hours: z.number() })),
  history: z.array(
    z.object({
      attendanceId: z.uuid(),
      sessionId: z.uuid(),
      date: dateStringSchema,
      courseType: courseTypeSchema,
      category: z.string().nullable(),
      topic: z.string(),
      organizer: z.string(),
      status: attendanceStatusSchema,
      method: z.enum(attendanceMethods),
      hoursCredited: z.number(),
    }),
  ),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const coverageQuerySchema = z.object({
  year: yearSchema.optional(),
  /** A town: its villages; omitted: every village in scope. */
  orgUnitId: z.uuid().optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

export const coverageRowSchema = z.object({
  orgUnitId: z.uuid(),
  name: z.string(),
  parentName: z.string().nullable(),
  cadres: z.number().int(),
  trainedCadres: z.number().int(),
  /** Percent of cadres with at least one session attended this year, one decimal. */
  trainedShare: z.number(),
  hours: z.number(),
  hoursPerCadre: z.number(),
});
export type CoverageRow = z.infer<typeof coverageRowSchema>;

export const coverageSchema = z.object({
  year: z.number().int(),
  towns: z.array(coverageRowSchema),
  villages: z.array(coverageRowSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const overviewQuerySchema = z.object({ year: yearSchema.optional() });

const courseFigures = z.object({
  courseType: courseTypeSchema,
  category: z.string().nullable(),
  sessions: z.number().int(),
  attendances: z.number().int(),
  trainees: z.number().int(),
  hours: z.number(),
});
export const overviewSchema = z.object({
  year: z.number().int(),
  totals: z.object({
    sessions: z.number().int(),
    trainees: z.number().int(),
    attendances: z.number().int(),
    hours: z.number(),
    cadres: z.number().int(),
    trainedCadres: z.number().int(),
    trainedShare: z.number(),
    hoursPerCadre: z.number(),
    tours: z.number().int(),
    tourParticipants: z.number().int(),
    reports: z.number().int(),
    experts: z.number().int(),
  }),
  byCourse: z.array(courseFigures),
  towns: z.array(coverageRowSchema.extend({ trainees: z.number().int(), attendances: z.number().int() })),
  tours: z.array(
    z.object({ id: z.uuid(), topic: z.string(), place: z.string(), date: dateStringSchema, endDate: dateStringSchema.nullable(), participants: z.number().int(), reports: z.number().int() }),
  ),
});
export type TrainingOverview = z.infer<typeof overviewSchema>;

// ---- local-expert pool (土专家, 田秀才) -----------------------------------------------------

export const expertKinds = ['土专家', '田秀才'] as const;
export const expertFields = ['种植', '养殖', '加工', '电商', '农机', '手工艺', '其他'] as const;

export const expertCreateSchema = z.strictObject({
  personId: z.uuid(),
  kind: z.enum(expertKinds),
  field: z.enum(expertFields),
  specialty: text(60),
  description: optionalText(500),
  /** The training that cultivated the expert, if any. */
  cultivatedBySessionId: z.uuid().nullable().optional(),
  helpedVillageIds: z.array(z.uuid()).max(30).default([]),
});
export type ExpertCreate = z.infer<typeof expertCreateSchema>;

export const expertUpdateSchema = expertCreateSchema.omit({ personId: true }).partial().extend({ active: z.boolean().optional() }).strict();
export type ExpertUpdate = z.infer<typeof expertUpdateSchema>;

export const expertSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  kind: z.enum(expertKinds),
  field: z.enum(expertFields),
  specialty: z.string(),
  description: z.string().nullable(),
  cultivatedBy: z.object({ sessionId: z.uuid(), topic: z.string(), date: dateStringSchema }).nullable(),
  helpedVillages: z.array(z.object({ id: z.uuid(), name: z.string() })),
  active: z.boolean(),
});
export type Expert = z.infer<typeof expertSchema>;

export const expertListQuerySchema = pageQuerySchema.extend({
  /** Matches the specialty or the name. */
  q: z.string().trim().max(40).optional(),
  field: z.enum(expertFields).optional(),
  kind: z.enum(expertKinds).optional(),
  orgUnitId: z.uuid().optional(),
  active: queryBooleanSchema.optional(),
});
export type ExpertListQuery = z.infer<typeof expertListQuerySchema>;
