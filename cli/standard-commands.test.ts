import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerStandardCommands } from './standard-commands.js';

// The commands run in-process against the shipped files; output and the exit status are captured.

const repo = (file: string): string => new URL(`../${file}`, import.meta.url).pathname;
const scratch = mkdtempSync(path.join(tmpdir(), 'fivestar-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ out: string; err: string; failed: boolean }> {
  let out = '';
  let err = '';
  let failed = false;
  const program = new Command().exitOverride();
  registerStandardCommands(program, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    fail: () => {
      failed = true;
    },
  });
  await program.parseAsync(['node', 'fivestar', ...args]);
  return { out, err, failed };
}

function writeScratch(name: string, json: unknown): string {
  const file = path.join(scratch, name);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('fivestar standard validate', () => {
  it.each(['tumen-2022', 'satisfaction-weighted', 'named-stars-500'])('when %s is validated, then it prints 标准有效 and succeeds', async (id) => {
    const result = await run('standard', 'validate', repo(`standards/${id}.json`));
    expect(result.out.split('\n')[0]).toBe('标准有效');
    expect(result.failed).toBe(false);
  });

  it('when thresholds are out of order, then it fails and prints the path of the error', async () => {
    const broken = JSON.parse(readFileSync(repo('standards/tumen-2022.json'), 'utf8')) as { levelScheme: { thresholds: { minScore: number }[] } };
    broken.levelScheme.thresholds[1]!.minScore = 95;
    const result = await run('standard', 'validate', writeScratch('broken.json', broken));
    expect(result.failed).toBe(true);
    expect(result.out).toContain('levelScheme.thresholds[1]');
    expect(result.out).toContain('standard.thresholds_order');
  });

  it('when the file is not JSON, then it fails with a Chinese message', async () => {
    const file = path.join(scratch, 'not.json');
    writeFileSync(file, '{ oops');
    const result = await run('standard', 'validate', file);
    expect(result).toMatchObject({ failed: true });
    expect(result.err).toContain('不是有效的 JSON');
  });
});

describe('fivestar rate', () => {
  const standard = repo('standards/tumen-2022.json');
  const input = repo('standards/examples/tumen-2022.input.json');

  it('when rating the Tumen example, then the JSON holds the stars and ranks', async () => {
    const result = await run('rate', '--standard', standard, '--input', input);
    expect(result.failed).toBe(false);
    const parsed = JSON.parse(result.out) as { villages: { id: string; stars: number | null; rankInCity: number | null }[] };
    expect(parsed.villages.map((v) => [v.id, v.stars, v.rankInCity])).toEqual([
      ['bailong', 5, 1],
      ['hedong', 5, 2],
      ['mapai', 4, 3],
      ['tingyan', 4, 4],
      ['zhongxing', 2, 5],
      ['shuinan', 1, 6],
      ['qinglong', null, null],
    ]);
  });

  it('when --what-if is given, then each village carries whatIf in the JSON and the table has a 距下一星 column', async () => {
    const json = JSON.parse((await run('rate', '--standard', standard, '--input', input, '--what-if')).out) as { villages: { id: string; whatIf: { status: string; text: string } }[] };
    const byId = new Map(json.villages.map((v) => [v.id, v.whatIf]));
    expect(byId.get('qinglong')).toEqual({ status: 'vetoed', text: '本年度存在一票否决事项，不能升星' });
    expect(byId.get('bailong')?.status).toBe('top');
    expect(byId.get('shuinan')).toMatchObject({ status: 'reachable', target: 2 });
    const table = (await run('rate', '--standard', standard, '--input', input, '--table', '--what-if')).out.split('\n');
    expect(table[2]).toMatch(/距下一星$/);
    expect(table.find((l) => l.includes('水南村'))).toMatch(/距 2 星还差 [\d.]+ 分：/);
  });

  it('when --table is given, then villages and towns print as aligned Chinese tables', async () => {
    const result = await run('rate', '--standard', standard, '--input', input, '--table');
    const lines = result.out.split('\n');
    expect(lines.find((l) => l.includes('白龙村'))).toMatch(/^\s+1\s+1\s+白龙村\s+月晴镇\s+100\.25\s+5 星$/);
    expect(lines.find((l) => l.includes('青龙村'))).toMatch(/-\s+青龙村\s+月晴镇\s+96\.63\s+不定星\s+一票否决：违反党规党纪$/);
    expect(lines.find((l) => l.startsWith('凉水镇'))).toMatch(/78\.50\s+4\s+3\.00\s+2 星$/);
    expect(result.out).toContain('三星及以上占 57.14%');
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });

  it('when a format-2 standard has outcome labels, then the table shows them and the summary counts by label', async () => {
    const hemei = await run('rate', '--standard', repo('standards/hemei-five-stars.json'), '--input', repo('standards/examples/hemei-five-stars.input.json'), '--table');
    const lines = hemei.out.split('\n');
    expect(lines.find((l) => l.includes('安乐村'))).toMatch(/480\.00\s+和美家园/);
    expect(lines.find((l) => l.includes('金溪村'))).toMatch(/不予评定\s+.*不予评星：近三年未发展党员$/);
    expect(hemei.out).toContain('合计 10 个村：和美家园 1 个，五星达标 6 个，未达标 2 个，不予评定 1 个');
    expect(hemei.out).not.toContain('三星及以上');
    const targets = await run('rate', '--standard', repo('standards/satisfaction-targets-100.json'), '--input', repo('standards/examples/satisfaction-targets-100.input.json'), '--table');
    expect(targets.out.split('\n').find((l) => l.includes('团结村'))).toMatch(/2 星（基本合格）\s+名额限制：4 星 → 3 星；最低比例：3 星 → 2 星$/);
  });

  it('when a score is above its maximum, then it fails and names the village and indicator', async () => {
    const data = JSON.parse(readFileSync(input, 'utf8')) as { villages: { scores: { city: Record<string, number> } }[] };
    data.villages[1]!.scores.city.teamBuilding = 7;
    const result = await run('rate', '--standard', standard, '--input', writeScratch('over.json', data));
    expect(result.failed).toBe(true);
    expect(result.out).toContain('villages[1].scores.city.teamBuilding');
    expect(result.out).toContain('rating.score_out_of_range');
  });

  it('when the input has the wrong shape, then it fails with the path', async () => {
    const result = await run('rate', '--standard', standard, '--input', writeScratch('shape.json', { towns: [], villages: [{ id: 'x' }] }));
    expect(result.failed).toBe(true);
    expect(result.out).toContain('villages[0].name');
  });

  it('when the standard is invalid, then rating does not start', async () => {
    const result = await run('rate', '--standard', writeScratch('empty.json', {}), '--input', input);
    expect(result.failed).toBe(true);
    expect(result.out).toContain('标准无效');
  });
});
