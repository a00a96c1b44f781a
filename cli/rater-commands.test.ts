import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticCampaign } from '../test/rater-campaigns.js';
import { registerRaterCommands } from './rater-commands.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'fivestar-raters-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ out: string; err: string; failed: boolean }> {
  const r = { out: '', err: '', failed: false };
  const program = new Command().exitOverride();
  registerRaterCommands(program, { out: (t) => void (r.out += t), err: (t) => void (r.err += t), fail: () => void (r.failed = true) });
  await program.parseAsync(['node', 'fivestar', ...args]);
  return r;
}

function write(name: string, content: unknown): string {
  const file = path.join(scratch, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('fivestar raters --input FILE --json', () => {
  it('when a paired-swap campaign has a lenient pair, a lenient team and two odd judges, then the JSON is {"flags": [...]} with exactly the documented fields', async () => {
    const { input, injected } = syntheticCampaign(7, 'paired');
    const result = await run('raters', '--input', write('paired.json', input), '--json');
    expect(result.failed).toBe(false);
    const json = JSON.parse(result.out) as { flags: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['flags']);
    for (const f of json.flags) {
      expect(['reciprocal_leniency', 'team_leniency', 'team_severity', 'outlier_rater']).toContain(f.kind);
      const keys = Object.keys(f).sort();
      expect(keys).toEqual(f.kind === 'outlier_rater' ? ['effect', 'kind', 'message', 'n', 'raterIds'] : ['effect', 'kind', 'message', 'n', 'unitIds']);
      expect(typeof f.effect).toBe('number');
      expect(Number.isInteger(f.n)).toBe(true);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const pair = json.flags.find((f) => f.kind === 'reciprocal_leniency');
    expect([...(pair?.unitIds as string[])].sort()).toEqual([...(injected.pairs[0] as string[])].sort());
    expect(json.flags.filter((f) => f.kind === 'team_leniency').map((f) => f.unitIds)).toEqual(injected.lenient.map((t) => [t]));
    expect(json.flags.filter((f) => f.kind === 'outlier_rater').flatMap((f) => f.raterIds as string[]).sort()).toEqual([...injected.offsetJudges, ...injected.noisyJudges].sort());
  });

  it('when nothing stands out, then the JSON is {"flags": []} and the table says so', async () => {
    const { input } = syntheticCampaign(11, 'rotation', false);
    const file = write('clean.json', input);
    expect(JSON.parse((await run('raters', '--input', file, '--json')).out)).toEqual({ flags: [] });
    expect((await run('raters', '--input', file)).out.split('\n')[0]).toBe('没有发现明显偏宽、偏严或离群的评分。');
  });
});

describe('fivestar raters --input FILE (table)', () => {
  it('when flags are found, then each is one row with its type, towns or judge, effect, villages and sentence', async () => {
    const { input } = syntheticCampaign(7, 'paired');
    const { out, failed } = await run('raters', '--input', write('table.json', input));
    expect(failed).toBe(false);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^发现 \d+ 处需要注意：$/);
    expect(lines[2]).toMatch(/^类型\s+镇\/评委\s+偏差\s+村数\s+说明$/);
    expect(lines[3]).toMatch(/^互评互相偏高\s+T\d+镇、T\d+镇\s+\+\d+\.\d\s+\d+\s+T\d+镇与T\d+镇互评，双方都偏高：/);
    expect(out).toContain('评委离群');
  });
});

describe('fivestar raters: bad input', () => {
  it('when the file is missing, then it fails with the reason', async () => {
    const r = await run('raters', '--input', path.join(scratch, 'none.json'), '--json');
    expect(r).toMatchObject({ failed: true, out: '' });
    expect(r.err).toContain('ENOENT');
  });

  it('when the file is not JSON, then it fails and prints nothing on stdout', async () => {
    const r = await run('raters', '--input', write('bad.json', '{ nope'), '--json');
    expect(r).toMatchObject({ failed: true, out: '' });
    expect(r.err).toContain('不是有效的 JSON');
  });

  it('when a mutual score has no raterUnitId and a total is 101, then both are listed with their paths and nothing is analysed', async () => {
    const input = {
      units: [{ id: 't', name: '东岭镇', level: 'town' }, { id: 'u', name: '西河镇', level: 'town' }, { id: 'v', name: '一村', level: 'village', parentId: 'u' }],
      scores: [{ stage: 'mutual', raterId: 'a', villageId: 'v', total: 80 }, { stage: 'city', raterId: 'b', villageId: 'v', total: 101 }],
    };
    const r = await run('raters', '--input', write('refs.json', input), '--json');
    expect(r.failed).toBe(true);
    expect(r.out).toBe('');
    expect(r.err).toContain('scores[1].total');
    expect(r.err).not.toContain('raters.mutual_without_town'); // shape errors come first, references only on a well-formed file
  });
});
