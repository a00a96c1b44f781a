// The phone survey (群众测评, 每户一码): the questionnaire, household codes, the public answer and
// the live progress. Server, admin pages and the phone page share these shapes.
import { z } from 'zod';
import { dateStringSchema } from './common.js';

export const surveyChoices = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const surveyChoiceSchema = z.enum(surveyChoices);
export type SurveyChoice = z.infer<typeof surveyChoiceSchema>;
export const surveyChoiceLabels: Record<SurveyChoice, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

/** Where the counts the engine rates came from. */
export const surveySourceSchema = z.enum(['phone', 'paper', 'merged']);
export type SurveySource = z.infer<typeof surveySourceSchema>;

export const surveyTopicSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, '编号只能用小写字母、数字和下划线'),
  text: z.string().trim().min(1).max(60),
});
export type SurveyTopic = z.infer<typeof surveyTopicSchema>;

export const questionnaireSaveSchema = z.strictObject({ topics: z.array(surveyTopicSchema).max(10) });
export const questionnaireSchema = z.object({
  satisfactionQuestion: z.string(),
  topics: z.array(surveyTopicSchema),
  canEdit: z.boolean(),
  lockReason: z.string().nullable(),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

// ---------------------------------------------------------------------------------------------
// Public: the villager's phone. The code is in the path; it is checked (check character) first.

export const surveyCodeParamsSchema = z.strictObject({ code: z.string().min(1).max(64) });

export const publicSurveySchema = z.object({
  campaignName: z.string(),
  villageName: z.string(),
  townName: z.string(),
  opens: dateStringSchema,
  closes: dateStringSchema,
  satisfactionQuestion: z.string(),
  topics: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

export const surveyAnswerSchema = z.strictObject({
  /** The phone's random id for this answer: a retry after a lost reply gets the same receipt. */
  submissionId: z.uuid(),
  satisfaction: surveyChoiceSchema,
  /** Topic id → answer; topics may be skipped. */
  topics: z.record(z.string().max(32), surveyChoiceSchema).default({}),
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

export const surveyReceiptSchema = z.object({ receiptNo: z.string(), villageName: z.string(), submittedAt: z.string() });
export type SurveyReceipt = z.infer<typeof surveyReceiptSchema>;

// ---------------------------------------------------------------------------------------------
// Admin: issue, print, revoke, close, progress.

export const issueCodesSchema = z.strictObject({ count: z.number().int().min(1).max(500) });
export const issuedCodesSchema = z.object({
  batchNo: z.number().int(),
  campaignName: z.string(),
  villageName: z.string(),
  townName: z.string(),
  /** Shown once, to print: only their hashes are kept. */
  codes: z.array(z.object({ code: z.string(), display: z.string(), path: z.string() })),
});
export type IssuedCodes = z.infer<typeof issuedCodesSchema>;

export const revokeCodesSchema = z.union([
  z.strictObject({ codes: z.array(z.string().min(1).max(64)).min(1).max(500) }),
  z.strictObject({ batchNo: z.number().int().min(1) }),
]);
export type RevokeCodes = z.infer<typeof revokeCodesSchema>;
/** 重新开放: the written reason goes into the audit trail. */
export const reopenSurveySchema = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export type ReopenSurvey = z.infer<typeof reopenSurveySchema>;

export const revokedSchema = z.object({ revoked: z.number().int() });

const countsShape = { satisfied: z.number().int(), basicallySatisfied: z.number().int(), unsatisfied: z.number().int() };

export const villageProgressSchema = z.object({
  villageId: z.uuid(),
  villageName: z.string(),
  townId: z.uuid(),
  townName: z.string(),
  issued: z.number().int(),
  used: z.number().int(),
  revoked: z.number().int(),
  /** used ÷ (issued − revoked), percent. */
  responseRate: z.number().nullable(),
  phone: z.object(countsShape),
  paper: z.object({ sampleSize: z.number().int(), ...countsShape }).nullable(),
  /** The rate the engine computes from the counts it will receive, and where they came from. */
  satisfactionRate: z.number().nullable(),
  source: surveySourceSchema.nullable(),
  /** Answers from a device that submitted many codes: for the team to look at, not refused. */
  flagged: z.number().int(),
  closed: z.boolean(),
  canManage: z.boolean(),
  batches: z.array(z.object({ batchNo: z.number().int(), issuedAt: z.string(), issued: z.number().int(), used: z.number().int(), revoked: z.number().int() })),
});
export type VillageProgress = z.infer<typeof villageProgressSchema>;

const areaProgress = {
  issued: z.number().int(),
  used: z.number().int(),
  responseRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
};
export const surveyProgressSchema = z.object({
  campaignName: z.string(),
  opens: dateStringSchema,
  closes: dateStringSchema,
  villages: z.array(villageProgressSchema),
  towns: z.array(z.object({ townId: z.uuid(), townName: z.string(), ...areaProgress })),
  city: z.object(areaProgress),
});
export type SurveyProgress = z.infer<typeof surveyProgressSchema>;
