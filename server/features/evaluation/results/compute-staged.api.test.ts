// 生成定星建议 through staging (compute.service.ts): a compute whose switch fails midway leaves the
// results, kept inputs, seals and audit exactly as they were, and no staged rows behind; the next
// compute then succeeds and agrees with a fresh verification.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../test/test-app.js';
import { campaignInCityStage, citySheetAt, scoreCityStage } from '../../../../test/evaluation-city-factories.js';
import { selectRows } from '../../../db/rows.js';
import { withStatementHook } from '../../../../test/statement-hook.js';
import { verifyCampaign } from '../seals/seals.service.js';
import { analyzeStaleTables } from '../../../db/embedded-analyze.js';
import type { PGlite } from '@electric-sql/pglite';

let t: TestApp;
let org: Client;
let campaignId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ campaignId, org } = await campaignInCityStage(t, 2034));
  await scoreCityStage(t, org, campaignId, [1, 0.85, 0.95, 0.5]);
});
afterAll(() => t.close());

/** Everything a compute writes, as stored. */
async function stored() {
  const q = (text: string) => selectRows<Record<string, unknown>>(t.database.db, sql.raw(text.replaceAll('$c', `'${campaignId}'`)));
  return {
    results: await q('SELECT * FROM campaign_results WHERE campaign_id = $c ORDER BY village_id'),
    towns: await q('SELECT * FROM campaign_town_results WHERE campaign_id = $c ORDER BY town_id'),
    kept: await q('SELECT * FROM campaign_rating_inputs WHERE campaign_id = $c ORDER BY village_id'),
    seals: await q('SELECT * FROM record_seals WHERE campaign_id = $c ORDER BY kind, row_key'),
    root: await q('SELECT * FROM seal_roots WHERE campaign_id = $c'),
    audit: await q(`SELECT count(*)::int AS n FROM audit_log WHERE event = 'results.compute'`),
  };
}
const staged = async () => selectRows<{ n: number }>(t.database.db, sql`SELECT (SELECT count(*) FROM campaign_results_staging) + (SELECT count(*) FROM campaign_rating_inputs_staging) AS n`);
const operator = () => ({ ...t.app.services, principal: { countyId: t.city.countyId } }) as Parameters<typeof verifyCampaign>[0];

describe('生成定星建议 through staging', () => {
  it('when a write of the switch fails midway, then results, kept inputs, seals and audit are exactly as before, nothing stays staged, and the next compute succeeds', async () => {
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    // A changed score: a compute that went through would change the results.
    const village = t.city.villages.town2[1] as { id: string };
    expect((await org.put(`/api/campaigns/${campaignId}/sheets/city/${village.id}`, { scores: await citySheetAt(1) })).statusCode).toBe(200);
    const before = await stored();
    // The last result row inserted by the switch fails (after the old rows were deleted).
    await t.database.runAsOwner(`
      CREATE FUNCTION test_fail_result() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: the switch fails'; END $$;
      CREATE TRIGGER test_fail_result BEFORE INSERT ON campaign_result_rows FOR EACH ROW WHEN (NEW.village_id = '${village.id}') EXECUTE FUNCTION test_fail_result();`);
    try {
      const res = await org.post(`/api/campaigns/${campaignId}/results/compute`);
      expect(res.statusCode).toBe(500);
      expect(await stored()).toEqual(before);
      expect(Number((await staged())[0]?.n)).toBe(0);
    } finally {
      await t.database.runAsOwner('DROP TRIGGER test_fail_result ON campaign_result_rows; DROP FUNCTION test_fail_result();');
    }
    const again = await org.post(`/api/campaigns/${campaignId}/results/compute`);
    expect(again.statusCode).toBe(200);
    const after = await stored();
    expect(after.results.find((r) => r.village_id === village.id)?.score).not.toEqual(before.results.find((r) => r.village_id === village.id)?.score);
    expect(after.audit[0]?.n).toBe(Number(before.audit[0]?.n) + 1);
    expect((await verifyCampaign(operator(), campaignId)).ok).toBe(true);
    expect(Number((await staged())[0]?.n)).toBe(0);
  });
});

// PGlite reads the inputs in plain statements (no snapshot: a transaction would hold every other
// request), and the switch re-reads when any transaction but the compute's own staging writes and
// session or job rows committed meanwhile (compute.service.ts). A score saved between the reads and
// the switch must therefore not be lost. PostgreSQL reads one snapshot instead: a score saved after
// it is the next compute's, which is what a compute started a moment earlier would have done.
describe.skipIf(Boolean(process.env.DATABASE_URL))('生成定星建议 on PGlite while a score is saved', () => {
  /**
   * Computes through the API with the app's database handle, but the first `meanwhile.length`
   * staging writes each first run the matching action: something that lands after the attempt's
   * reads, at a point the test controls. Answers the results then stored and how many attempts
   * staged outside a transaction.
   */
  async function computeWhile(meanwhile: (() => Promise<void>)[]) {
    const { matched } = await withStatementHook(t, { marker: 'INSERT INTO campaign_results_staging', when: 'before', actions: meanwhile }, async () =>
      expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200),
    );
    return { during: await stored(), stagings: matched };
  }
  /** computeWhile, each action saving a sheet of `village` at that share. */
  const computeWhileSaving = (village: { id: string }, shares: number[]) =>
    computeWhile(shares.map((share) => async () => expect((await org.put(`/api/campaigns/${campaignId}/sheets/city/${village.id}`, { scores: await citySheetAt(share) })).statusCode).toBe(200)));
  const scoreOf = (s: Awaited<ReturnType<typeof stored>>, villageId: string) => s.results.find((r) => r.village_id === villageId)?.score;
  const decided = (s: Awaited<ReturnType<typeof stored>>) => s.results.map((r) => [r.village_id, r.score, r.engine_stars, r.stars, r.rank_in_city, r.explanation]);
  /** A compute after the fact, which the one that ran meanwhile must agree with. */
  async function computedAgain() {
    expect((await org.post(`/api/campaigns/${campaignId}/results/compute`)).statusCode).toBe(200);
    return stored();
  }

  it('when a sheet is saved after the reads and before the switch, then the compute reads again and its results are those of a compute run after the save', async () => {
    const village = t.city.villages.town1[0] as { id: string };
    const before = await stored();
    const { during, stagings } = await computeWhileSaving(village, [0.2]);
    // Read twice: the first attempt's pieces were no longer one state when it came to switch.
    expect(stagings).toBe(2);
    expect(scoreOf(during, village.id)).not.toEqual(scoreOf(before, village.id));
    const after = await computedAgain();
    expect(decided(during)).toEqual(decided(after));
    expect(during.kept.map((k) => k.figures)).toEqual(after.kept.map((k) => k.figures));
  });

  it('when a sheet is saved during each of the first two attempts, then the third runs in one transaction and its results are those of a compute run after the saves', async () => {
    const village = t.city.villages.town1[1] as { id: string };
    const before = await stored();
    // Two attempts staged outside a transaction; the third stages in its transaction (not through this handle).
    const { during, stagings } = await computeWhileSaving(village, [0.3, 0.6]);
    expect(stagings).toBe(2);
    expect(scoreOf(during, village.id)).not.toEqual(scoreOf(before, village.id));
    const after = await computedAgain();
    expect(decided(during)).toEqual(decided(after));
    expect(Number((await staged())[0]?.n)).toBe(0);
  });

  it('when the embedded statistics job ANALYZEs a table meanwhile, then the compute does not read again; an ANALYZE of anyone else still makes it read again', async () => {
    const client = (t.database.db as unknown as { $client: PGlite }).$client;
    // A table with rows and no statistics, made before the compute starts: stale for the job.
    await t.database.runAsOwner('CREATE TABLE test_unanalyzed AS SELECT generate_series(1, 100) AS n');
    try {
      let analyzed: string[] = [];
      const quiet = await computeWhile([async () => void (analyzed = await analyzeStaleTables(client))]);
      expect(analyzed).toContain('test_unanalyzed');
      expect(quiet.stagings).toBe(1);
      // The same statement run by someone else is a transaction the compute cannot tell from a write.
      const other = await computeWhile([() => t.database.runAsOwner('ANALYZE test_unanalyzed')]);
      expect(other.stagings).toBe(2);
    } finally {
      await t.database.runAsOwner('DROP TABLE test_unanalyzed');
    }
  });
});
