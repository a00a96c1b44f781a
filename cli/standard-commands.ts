import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkAndRate } from '../server/features/standards/engine/rating-input-check.js';
import { whatIfForCampaign, type WhatIf } from '../server/features/standards/engine/what-if.js';
import type { RatingResult } from '../server/features/standards/engine/rating-result.js';
import { validateStandard } from '../server/features/standards/engine/standard-validate.js';
import type { Standard } from '../shared/standards/standard.js';

// `fivestar standard validate FILE` and `fivestar rate --standard FILE --input FILE [--table]`:
// the pure engine on files, no database. Output goes through `io` so tests can run in-process.

export type CliIo = { out: (text: string) => void; err: (text: string) => void; fail: () => void };

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  fail: () => {
    process.exitCode = 1;
  },
};

async function readJsonFile(file: string, io: CliIo): Promise<{ ok: true; json: unknown } | { ok: false }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`无法读取文件 ${file}：${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return { ok: false };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    io.err(`${file} 不是有效的 JSON：${(error as Error).message}\n`);
    return { ok: false };
  }
}

function printErrors(io: CliIo, title: string, errors: { path: string; message: string; code: string }[]): void {
  io.out(`${title}，共 ${errors.length} 处错误：\n`);
  for (const e of errors) io.out(`  ${e.path || '（根）'}  ${e.message}  [${e.code}]\n`);
}

async function loadStandard(file: string, io: CliIo): Promise<Standard | null> {
  const read = await readJsonFile(file, io);
  if (!read.ok) return null;
  const result = validateStandard(read.json);
  if (!result.ok) {
    printErrors(io, `标准无效（${file}）`, result.errors);
    return null;
  }
  return result.standard;
}

// Terminal columns: CJK ideographs and full-width forms take two.
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

type Align = 'left' | 'right';

function renderTable(headers: string[], rows: string[][], align: Align[]): string {
  const widths = headers.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] ?? 0) - displayWidth(cell));
        return align[c] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const starsText = (stars: number | null): string => (stars === null ? '不定星' : `${stars} 星`);

/** The level as the standard names it: "4 星", the outcome label, or both (format 2 outcomes). */
function levelText(standard: Standard, stars: number | null, label: string | null | undefined): string {
  if (!standard.outcomes) return starsText(stars);
  if (stars === null || !label) return stars === null ? '不予评定' : starsText(stars);
  return standard.outcomes.display === 'labels' ? label : `${stars} 星（${label}）`;
}

/** The result as fixed-width tables in Chinese: villages in city rank order, then towns. */
export function formatRatingTable(result: RatingResult, standard: Standard, whatIf?: ReadonlyMap<string, WhatIf>): string {
  const named = standard.dimensions.some((d) => d.namedStar);
  const starName = new Map(standard.dimensions.map((d) => [d.id, d.namedStar?.name ?? d.name]));
  const villageRows = result.villages.map((v) => [
    v.rankInCity === null ? '-' : String(v.rankInCity),
    v.rankInTown === null ? '-' : String(v.rankInTown),
    v.name,
    v.townName,
    v.finalScore.toFixed(2),
    levelText(standard, v.stars, v.label),
    ...(named ? [v.namedStars.map((d) => starName.get(d) ?? d).join('、') || '-'] : []),
    v.notes.join('；'),
    ...(whatIf ? [whatIf.get(v.id)?.text ?? '-'] : []),
  ]);
  const villageHeaders = ['全市排名', '镇内排名', '村', '所属镇', '得分', '星级', ...(named ? ['命名星'] : []), '备注', ...(whatIf ? ['距下一星'] : [])];
  const villageAlign: Align[] = ['right', 'right', 'left', 'left', 'right', 'left', ...(named ? (['left'] as Align[]) : []), 'left', ...(whatIf ? (['left'] as Align[]) : [])];
  const townRows = result.towns.map((t) => [
    t.name,
    t.ownScore === null ? '-' : t.ownScore.toFixed(2),
    String(t.villageCount),
    t.averageVillageStars === null ? '-' : t.averageVillageStars.toFixed(2),
    t.stars === null ? '-' : `${t.stars} 星`,
  ]);
  const s = result.summary;
  const byStars = s.byLabel
    ? Object.entries(s.byLabel).map(([label, n]) => `${label} ${n} 个`).join('，')
    : [8, 7, 6, 5, 4, 3, 2, 1, 0]
        .filter((k) => (s.byStars[String(k)] ?? 0) > 0)
        .map((k) => `${k} 星 ${s.byStars[String(k)]} 个`)
        .join('，');
  const referrals = (result.referrals ?? []).map((r) => `待部门决定：${r.text}`);
  return [
    `${result.standard.name}（${result.standard.id} 版本 ${result.standard.version}）`,
    '',
    renderTable(villageHeaders, villageRows, villageAlign),
    '',
    '镇党委',
    renderTable(['镇', '自身考核得分', '村数', '村平均星级', '星级'], townRows, ['left', 'right', 'right', 'right', 'left']),
    '',
    `合计 ${s.villages} 个村：${byStars || '无'}${s.vetoed > 0 ? `，${standard.outcomes ? '不予评定' : '不定星'} ${s.vetoed} 个` : ''}${s.byLabel ? '' : `；三星及以上占 ${s.atLeastThreeStarsPercent.toFixed(2)}%`}`,
    ...referrals,
    '',
  ].join('\n');
}

export function registerStandardCommands(program: Command, io: CliIo = processIo): void {
  const standard = program.command('standard').description('评星标准（JSON 文件）');
  standard
    .command('validate')
    .description('校验评星标准文件：有效时输出“标准有效”，否则逐条列出错误位置')
    .argument('<file>', '标准 JSON 文件')
    .action(async (file: string) => {
      const loaded = await loadStandard(file, io);
      if (!loaded) return io.fail();
      const indicators = loaded.dimensions.reduce((n, d) => n + d.indicators.length, 0);
      io.out(`标准有效\n${loaded.name}（${loaded.id} 版本 ${loaded.version}）：${loaded.dimensions.length} 个维度，${indicators} 项指标，满分 ${loaded.totalMaxScore}；${loaded.formatVersion === 2 ? '第 2 版格式' : '第 1 版格式（读取时自动按第 2 版处理，结果不变）'}\n`);
    });

  program
    .command('rate')
    .description('按评星标准计算各村得分、星级、排名和镇党委星级（默认输出 JSON）')
    .requiredOption('--standard <file>', '标准 JSON 文件')
    .requiredOption('--input <file>', '评星数据 JSON 文件（格式见 docs/standards.md）')
    .option('--table', '输出中文表格而不是 JSON')
    .option('--strict', '缺少评分、数据项或满意度测评时报错，而不是按 0 计')
    .option('--no-explain', 'JSON 中不输出逐条说明（大批量时更快）')
    .option('--what-if', '为每个村计算“距下一星还差什么”（JSON 中的 whatIf 字段，表格中的“距下一星”列）')
    .action(async (opts: { standard: string; input: string; table?: boolean; strict?: boolean; explain: boolean; whatIf?: boolean }) => {
      const loaded = await loadStandard(opts.standard, io);
      if (!loaded) return io.fail();
      const read = await readJsonFile(opts.input, io);
      if (!read.ok) return io.fail();
      const checked = checkAndRate(loaded, read.json, { missing: opts.strict ? 'error' : 'zero', explain: opts.explain && !opts.table ? 'full' : 'none' });
      if (!checked.ok) {
        printErrors(io, `评星数据有误（${opts.input}）`, checked.problems);
        return io.fail();
      }
      const result: RatingResult = checked.result;
      const whatIf = opts.whatIf ? whatIfForCampaign(loaded, checked.input, result) : undefined;
      const json = whatIf ? { ...result, villages: result.villages.map((v) => ({ ...v, whatIf: whatIf.get(v.id) })) } : result;
      io.out(opts.table ? formatRatingTable(result, loaded, whatIf) : `${JSON.stringify(json, null, 2)}\n`);
    });
}
