// A first 生成定星建议 writes its rows, kept inputs and seals under a results generation of its own
// and switches the campaign to it in one statement (migration 0029, compute.service.ts). Shown
// here: nothing of it is visible before the switch, nothing of it stays when the switch fails,
// and moving the campaign's generation by hand is caught by the seals' verification.
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInCityStage, citySheetAt, scoreCityStage } from '../../../../test/evaluation-city-factories.js';
import { selectRows } from '../../../db/rows.js';
import { withStatementHook } from '../../../../test/statement-hook.js';
import { verifyCampaign } from '../seals/seals.service.js';

let t: TestApp;
let year = 2031;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function scoredCampaign(): Promise<{ campaignId: string; org: Client }> {
  const { campaignId, org } = await campaignInCityStage(t, year++);
  await scoreCityStage(t, org, campaignId, [1, 0.85, 0.95, 0.5]);
  return { campaignId, org };
}

const rows = <T = Record<string, unknown>>(query: SQL) => selectRows<T>(t.database.db, query);
/** Rows of every generation in the row tables, and what the campaign shows. */
async function stored(campaignId: string) {
  const count = async (query: SQL) => Number((await rows<{ n: number }>(query))[0]?.n);
  return {
    generation: Number((await rows<{ g: string }>(sql`SELECT results_generation::text AS g FROM campaigns WHERE id = ${campaignId}`))[0]?.g),
    visible: await count(sql`SELECT count(*)::int AS n FROM campaign_results WHERE campaign_id = ${campaignId}`),
    visibleKept: await count(sql`SELECT count(*)::int AS n FROM campaign_rating_inputs WHERE campaign_id = ${campaignId}`),
    allRows: await count(sql`SELECT count(*)::int AS n FROM campaign_result_rows WHERE campaign_id = ${campaignId}`),
    allKept: await count(sql`SELECT count(*)::int AS n FROM campaign_rating_input_rows WHERE campaign_id = ${campaignId}`),
    resultSeals: await rows<{ generation: string; n: number }>(
      sql`SELECT generation::text AS generation, count(*)::int AS n FROM record_seals WHERE campaign_id = ${campaignId} AND kind = 'result' GROUP BY generation ORDER BY generation`,
    ),
    root: await rows(sql`SELECT row_count, xor_digest, mac FROM seal_roots WHERE campaign_id = ${campaignId}`),
  };
}
const operator = () => ({ ...t.app.services, principal: { countyId: t.city.countyId } }) as Parameters<typeof verifyCampaign>[0];

/** Computes through the API; `meanwhile[i]` runs after the i-th write of a generation's rows. */
async function computeWhile(org: Client, campaignId: string, meanwhile: (() => Promise<void>)[]) {
  const { value: res, matched: writes } = await withStatementHook(t, { marker: 'INSERT INTO campaign_result_rows', when: 'after', actions: meanwhile }, () =>
    org.post(`/api/campaigns/${campaignId}/results/compute`),
  );
  return { res, writes };
}

describe('a first 生成定星建议 through a results generation', () => {
  it('when it is writing its rows, then the campaign shows none of them; when it has switched, then it shows them all, sealed, and no other generation is left', async () => {
    const { campaignId, org } = await scoredCampaign();
    const before = await stored(campaignId);
    expect(before).toMatchObject({ generation: 0, visible: 0, allRows: 0, resultSeals: [] });
    let during: Awaited<ReturnType<typeof stored>> | null = null;
    let page: { statusCode: number; body: string } | null = null;
    const { res } = await computeWhile(org, campaignId, [
      async () => {
        // The rows and seals are in, under the new generation; the switch has not run.
        during = await stored(campaignId);
        page = await org.get(`/api/campaigns/${campaignId}/results`);
      },
    ]);
    expect(res.statusCode).toBe(200);
    const mid = during as unknown as Awaited<ReturnType<typeof stored>>;
    expect(mid.generation).toBe(0);
    expect(mid.visible).toBe(0);
    expect(mid.visibleKept).toBe(0);
    expect(mid.allRows).toBeGreaterThan(0);
    expect(mid.resultSeals.length).toBe(1);
    expect(mid.root).toEqual(before.root);
    expect((page as unknown as { statusCode: number }).statusCode).toBe(200);
    expect(JSON.stringify(JSON.parse((page as unknown as { body: string }).body))).not.toContain(t.city.villages.town1[0]?.id);

    const after = await stored(campaignId);
    const villages = t.city.villages.town1.length + t.city.villages.town2.length;
    expect(after.generation).toBeGreaterThan(0);
    expect(after).toMatchObject({ visible: villages, visibleKept: villages, allRows: villages, allKept: villages });
    expect(after.resultSeals).toEqual([{ generation: String(after.generation), n: expect.any(Number) as number }]);
    expect((await verifyCampaign(operator(), campaignId)).ok).toBe(true);
  });

  it('when a crashed compute left rows, kept inputs and seals under a generation of its own, then the next first compute drops them', async () => {
    const { campaignId, org } = await scoredCampaign();
    const village = t.city.villages.town1[0] as { id: string };
    const town = t.city.towns[0] as { id: string };
    await t.database.runAsOwner(`
      INSERT INTO campaign_result_rows (generation, county_id, campaign_id, village_id, org_path, town_id, score, explanation, computed_at)
        VALUES (999999999, '${t.city.countyId}', '${campaignId}', '${village.id}', '/', '${town.id}', 1, '{}', now());
      INSERT INTO campaign_rating_input_rows (generation, county_id, campaign_id, village_id, figures, kept_at) VALUES (999999999, '${t.city.countyId}', '${campaignId}', '${village.id}', '{}', now());
      INSERT INTO record_seals (generation, county_id, campaign_id, kind, row_key, digest, sealed_at) VALUES (999999999, '${t.city.countyId}', '${campaignId}', 'result', 'result/${village.id}#stars', 'x', now());`);
    const left = await stored(campaignId);
    expect(left).toMatchObject({ generation: 0, visible: 0, visibleKept: 0, allRows: 1, allKept: 1, resultSeals: [{ generation: '999999999', n: 1 }] });
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    const after = await stored(campaignId);
    expect(after.allRows).toBe(after.visible);
    expect(after.allKept).toBe(after.visibleKept);
    expect(after.resultSeals.map((s) => s.generation)).toEqual([String(after.generation)]);
    expect((await verifyCampaign(operator(), campaignId)).ok).toBe(true);
  });

  it('when its switch fails, then the campaign is as before and no row, kept input or seal of the generation stays; the next compute succeeds', async () => {
    const { campaignId, org } = await scoredCampaign();
    const before = await stored(campaignId);
    await t.database.runAsOwner(`
      CREATE FUNCTION test_fail_switch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: the switch fails'; END $$;
      CREATE TRIGGER test_fail_switch BEFORE UPDATE OF results_generation ON campaigns FOR EACH ROW EXECUTE FUNCTION test_fail_switch();`);
    try {
      expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(500);
      expect(await stored(campaignId)).toEqual(before);
    } finally {
      await t.database.runAsOwner('DROP TRIGGER test_fail_switch ON campaigns; DROP FUNCTION test_fail_switch();');
    }
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    expect((await stored(campaignId)).visible).toBeGreaterThan(0);
    expect((await verifyCampaign(operator(), campaignId)).ok).toBe(true);
  });

  it('when the campaign is moved to another generation by hand, back to none or to rows and seals written by hand, then the verification fails', async () => {
    const { campaignId, org } = await scoredCampaign();
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    const { generation } = await stored(campaignId);
    // Back to generation 0: no results, no result seals, and the root no longer adds up.
    await t.database.runAsOwner(`UPDATE campaigns SET results_generation = 0 WHERE id = '${campaignId}'`);
    const emptied = await verifyCampaign(operator(), campaignId);
    expect(emptied.ok).toBe(false);
    expect(emptied.rootIntact).toBe(false);
    // A copy of the rows with one star more, and their seals copied as they were, as generation 999999998 (beyond any the sequence gave).
    const copy = (table: string, columns: string, change = '') =>
      `INSERT INTO ${table} (generation, ${columns}) SELECT 999999998, ${change || columns} FROM ${table} WHERE campaign_id = '${campaignId}' AND generation = ${generation}`;
    const resultColumns = 'id, county_id, campaign_id, village_id, org_path, town_id, score, engine_stars, stars, vetoed, named_stars, rank_in_town, rank_in_city, notes, explanation, override_reason, confirmed_by, confirmed_at, computed_at, proposal_change';
    await t.database.runAsOwner(`
      ${copy('campaign_result_rows', resultColumns, resultColumns.replace('id, county_id', 'gen_random_uuid(), county_id').replace(' stars,', ' least(coalesce(stars, 0) + 1, 5),'))};
      INSERT INTO record_seals (generation, county_id, campaign_id, kind, row_key, digest, sealed_at)
        SELECT 999999998, county_id, campaign_id, kind, row_key, digest, sealed_at FROM record_seals WHERE campaign_id = '${campaignId}' AND kind = 'result' AND generation = ${generation};
      UPDATE campaigns SET results_generation = 999999998 WHERE id = '${campaignId}';`);
    const forged = await verifyCampaign(operator(), campaignId);
    expect(forged.rootIntact).toBe(true);
    expect(forged.ok).toBe(false);
    expect(forged.failures.map((f) => f.field)).toContain('stars');
    // Put back: the verification passes again, so the failures above were the hand edits'.
    await t.database.runAsOwner(`UPDATE campaigns SET results_generation = ${generation} WHERE id = '${campaignId}'`);
    expect((await verifyCampaign(operator(), campaignId)).ok).toBe(true);
  });
});

// PGlite: the switch moves the campaign only when no other write committed since the reads.
describe.skipIf(Boolean(process.env.DATABASE_URL))('a first 生成定星建议 on PGlite while a sheet is saved', () => {
  it('when a sheet is saved while the generation is written, then the compute reads again, drops the first generation and shows the results of a compute after the save', async () => {
    const { campaignId, org } = await scoredCampaign();
    const village = t.city.villages.town1[0] as { id: string };
    const { res, writes } = await computeWhile(org, campaignId, [
      async () => expect((await org.put(`/api/campaigns/${campaignId}/sheets/city/${village.id}`, { scores: await citySheetAt(0.2) })).statusCode).toBe(200),
    ]);
    expect(res.statusCode).toBe(200);
    // Two attempts wrote a generation (one chunk each at this size); one is left, the campaign's.
    expect(writes).toBe(2);
    const during = await stored(campaignId);
    expect(during.allRows).toBe(during.visible);
    expect(during.resultSeals).toEqual([{ generation: String(during.generation), n: expect.any(Number) as number }]);
    const score = async () => (await rows<{ score: string }>(sql`SELECT score::text FROM campaign_results WHERE campaign_id = ${campaignId} AND village_id = ${village.id}`))[0]?.score;
    const computed = await score();
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    expect(await score()).toBe(computed);
    expect((await verifyCampaign(operator(), campaignId)).ok).toBe(true);
  });
});
