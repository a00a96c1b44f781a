// SQL of the villager's phone. Opening a card is one named prepared statement (built once per
// database handle); a submit is one statement that reads the card, consumes the code and stores
// the answer, so an answer costs one round trip to the database and needs no transaction.
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/core.js';
import { campaigns } from '../../db/schema/evaluation.js';
import { surveyCodes, surveyQuestionnaires, surveyResponses, surveyVillageClosures, type SurveyChoice } from '../../db/schema/surveys.js';
import { templateTopics } from './surveys.js';
import { keyJoin } from '../../db/scope.js';

// The shipped topics, for a campaign whose department kept them (no questionnaire row).
const templateJson = JSON.stringify(templateTopics);

const town = alias(orgUnits, 'town');

function buildCardLookup(db: Db) {
  return db
    .select({
      id: surveyCodes.id,
      countyId: surveyCodes.countyId,
      campaignId: surveyCodes.campaignId,
      villageId: surveyCodes.villageId,
      usedAt: surveyCodes.usedAt,
      revokedAt: surveyCodes.revokedAt,
      campaignName: campaigns.name,
      status: campaigns.status,
      windows: campaigns.windows,
      villageName: orgUnits.name,
      townName: sql<string>`coalesce(${town.name}, '')`,
      closedAt: surveyVillageClosures.closedAt,
      // Read with the card, never cached: an edit before stage 1 opens is seen by the next phone.
      topics: surveyQuestionnaires.topics,
    })
    .from(surveyCodes)
    .innerJoin(campaigns, and(eq(campaigns.countyId, surveyCodes.countyId), eq(campaigns.id, surveyCodes.campaignId)))
    .innerJoin(orgUnits, keyJoin(orgUnits, surveyCodes.countyId, surveyCodes.villageId))
    .leftJoin(town, keyJoin(town, orgUnits.countyId, orgUnits.parentId))
    .leftJoin(
      surveyVillageClosures,
      and(eq(surveyVillageClosures.countyId, surveyCodes.countyId), eq(surveyVillageClosures.campaignId, surveyCodes.campaignId), eq(surveyVillageClosures.villageId, surveyCodes.villageId)),
    )
    .leftJoin(surveyQuestionnaires, and(eq(surveyQuestionnaires.countyId, surveyCodes.countyId), eq(surveyQuestionnaires.campaignId, surveyCodes.campaignId)))
    .where(eq(surveyCodes.codeHash, sql.placeholder('hash')))
    .prepare('fivestar_survey_card');
}

const lookups = new WeakMap<Db, ReturnType<typeof buildCardLookup>>();

export type PublicCode = Awaited<ReturnType<ReturnType<typeof buildCardLookup>['execute']>>[number];

/** The card behind a code hash (the phone has no county; the hash is the key), or null. */
export async function selectCard(db: Db, codeHash: string): Promise<PublicCode | null> {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = buildCardLookup(db);
    lookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ hash: codeHash });
  return row ?? null;
}

export type Answer = { receiptNo: string; submissionId: string; satisfaction: SurveyChoice; topics: Record<string, SurveyChoice>; at: Date; today: string };

/**
 * A submit in one statement, one round trip: read the card (as selectCard does), mark it used if
 * nobody did yet and the answer may be taken, and store the answer. The conditions repeat
 * answerState (surveys.ts) and the topic check of public.service.ts in SQL, so the statement
 * decides by itself; the service reads the returned card with the same rules to say why when
 * nothing was written. Of any number of parallel submits exactly one writes: a loser's UPDATE
 * waits for the winner, re-checks used_at on the committed row and matches nothing, so it inserts
 * nothing. The write and the consumed code commit together or not at all (one statement).
 */
function buildSubmit(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  const statement = sql`
    WITH card AS (
      SELECT c.county_id, c.id, c.campaign_id, c.village_id, c.org_path, c.used_at, c.revoked_at, k.name AS campaign_name, k.status, k.windows,
        v.name AS village_name, coalesce(t.name, '') AS town_name, z.closed_at, q.topics
      FROM survey_codes c
      JOIN campaigns k ON k.county_id = c.county_id AND k.id = c.campaign_id
      JOIN org_units v ON v.id = c.village_id
      LEFT JOIN org_units t ON t.id = v.parent_id
      LEFT JOIN survey_village_closures z ON z.county_id = c.county_id AND z.campaign_id = c.campaign_id AND z.village_id = c.village_id
      LEFT JOIN survey_questionnaires q ON q.county_id = c.county_id AND q.campaign_id = c.campaign_id
      WHERE c.code_hash = ${p('hash')}::text
      LIMIT 1
    ), used AS (
      UPDATE survey_codes c SET used_at = ${p('at')}::timestamptz
      FROM card
      WHERE c.county_id = card.county_id AND c.id = card.id AND c.used_at IS NULL AND c.revoked_at IS NULL
        AND card.closed_at IS NULL AND card.status = 'mutual'
        AND ${p('today')}::date BETWEEN (card.windows->'mutual'->>'opens')::date AND (card.windows->'mutual'->>'closes')::date
        AND NOT EXISTS (
          SELECT 1 FROM jsonb_object_keys(${p('topics')}::jsonb) answered(id)
          WHERE answered.id NOT IN (SELECT x->>'id' FROM jsonb_array_elements(coalesce(card.topics, ${templateJson}::jsonb)) x))
      RETURNING c.county_id, c.id, c.campaign_id, c.village_id, c.org_path
    ), answer AS (
      INSERT INTO survey_responses (county_id, campaign_id, village_id, org_path, code_id, receipt_no, submission_id, satisfaction, topics, submitted_at)
      SELECT county_id, campaign_id, village_id, org_path, id, ${p('receiptNo')}::text, ${p('submissionId')}::uuid, ${p('satisfaction')}::text, ${p('topics')}::jsonb, ${p('at')}::timestamptz
      FROM used
      RETURNING id
    )
    SELECT card.*, (SELECT id FROM answer) AS answer_id FROM card`;
  // Drizzle names only its query builders' statements; a raw one goes through the same session
  // method, so PostgreSQL parses and plans this statement once per connection, not per answer.
  const d = db as unknown as { session: RawSession; dialect: { sqlToQuery(s: typeof statement): { sql: string; params: unknown[] } } };
  return d.session.prepareQuery(d.dialect.sqlToQuery(statement), undefined, 'fivestar_survey_submit', false);
}
type RawSession = { prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(values: Record<string, unknown>): Promise<unknown> } };

const submits = new WeakMap<Db, ReturnType<typeof buildSubmit>>();
const asDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** The card as the statement saw it and the new answer's id (null: nothing written); null for an unknown code. */
export async function submitAnswer(db: Db, codeHash: string, a: Answer): Promise<{ card: PublicCode; answerId: string | null } | null> {
  let submit = submits.get(db);
  if (!submit) {
    submit = buildSubmit(db);
    submits.set(db, submit);
  }
  const at = a.at.toISOString();
  const result = await submit.execute({ hash: codeHash, at, today: a.today, topics: JSON.stringify(a.topics), receiptNo: a.receiptNo, submissionId: a.submissionId, satisfaction: a.satisfaction });
  const [r] = (result as { rows: Record<string, unknown>[] }).rows;
  if (!r) return null;
  const card: PublicCode = {
    id: r.id as string,
    countyId: r.county_id as string,
    campaignId: r.campaign_id as string,
    villageId: r.village_id as string,
    // The driver leaves timestamps as text here; only whether they are set matters to the rules.
    usedAt: asDate(r.used_at),
    revokedAt: asDate(r.revoked_at),
    campaignName: r.campaign_name as string,
    status: r.status as PublicCode['status'],
    windows: r.windows as PublicCode['windows'],
    villageName: r.village_name as string,
    townName: r.town_name as string,
    closedAt: asDate(r.closed_at),
    topics: r.topics as PublicCode['topics'],
  };
  return { card, answerId: (r.answer_id as string | null) ?? null };
}

export async function selectResponseOfCode(db: Db, countyId: string, codeId: string) {
  const [row] = await db
    .select({ receiptNo: surveyResponses.receiptNo, submissionId: surveyResponses.submissionId, submittedAt: surveyResponses.submittedAt })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.countyId, countyId), eq(surveyResponses.codeId, codeId)));
  return row ?? null;
}
