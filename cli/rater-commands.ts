// `fivestar raters --input FILE [--json]`: the rater analysis (docs/raters.md) on a file, no
// database. With --json the output is exactly `{"flags": [...]}`; without it a readable table.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkRatersInput, type RatersInput } from '../server/features/evaluation/raters/raters-input.js';
import { analyseRaters, type RatersAnalysis } from '../server/features/evaluation/raters/raters.js';
import { publicFlag, type RaterFlagKind } from '../server/features/evaluation/raters/raters-types.js';
import type { CliIo } from './standard-commands.js';

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  fail: () => {
    process.exitCode = 1;
  },
};

export const flagKindLabels: Record<RaterFlagKind, string> = {
  reciprocal_leniency: '互评互相偏高',
  team_leniency: '互评组偏宽',
  team_severity: '互评组偏严',
  outlier_rater: '评委离群',
};

// Terminal columns: CJK characters and full-width punctuation take two.
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000 ? 2 : 1;
  }
  return w;
}

function table(headers: string[], rows: string[][], right: boolean[]): string {
  const widths = headers.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] ?? 0) - width(cell));
        return right[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** The analysis as a table in Chinese: one row per flag, then what was not judged and why. */
export function formatRatersTable(result: RatersAnalysis, input: RatersInput): string {
  const names = new Map(input.units.map((u) => [u.id, u.name]));
  const lines: string[] = [];
  if (result.flags.length === 0) lines.push('没有发现明显偏宽、偏严或离群的评分。');
  else {
    lines.push(`发现 ${result.flags.length} 处需要注意：`, '');
    const rows = result.flags.map((f) => [
      flagKindLabels[f.kind],
      (f.unitIds ?? []).map((id) => names.get(id) ?? id).concat(f.raterIds ?? []).join('、'),
      f.aspect === 'noise' ? `×${f.effect.toFixed(2)}` : `${f.effect > 0 ? '+' : ''}${f.effect.toFixed(1)}`,
      String(f.n),
      f.message,
    ]);
    lines.push(table(['类型', '镇/评委', '偏差', '村数', '说明'], rows, [false, false, true, true, false]));
  }
  const s = result.scales;
  lines.push('', `尺度：互评差值 σ ${s.teamSigma ?? '-'} 分，评委偏离 σ ${s.judgeSigma ?? '-'} 分${s.centred ? `，各互评组共同偏差 ${s.commonOffset} 分（已扣除）` : ''}`);
  if (result.notes.length) lines.push('', '未作判断：', ...result.notes.map((n) => `  ${n}`));
  return `${lines.join('\n')}\n`;
}

export function registerRaterCommands(program: Command, io: CliIo = processIo): void {
  program
    .command('raters')
    .description('评价质量：互评组偏宽/偏严、互相偏高的互评镇、擂台比武离群评委')
    .requiredOption('--input <file>', '评分 JSON 文件：{"units": [...], "scores": [...]}')
    .option('--json', '输出 JSON：{"flags": [...]}')
    .action(async (opts: { input: string; json?: boolean }) => {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(opts.input, 'utf8')) as unknown;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        io.err(code ? `无法读取文件 ${opts.input}：${code}\n` : `${opts.input} 不是有效的 JSON：${(error as Error).message}\n`);
        return io.fail();
      }
      const checked = checkRatersInput(json);
      if (!checked.ok) {
        io.err(`输入无效（${opts.input}），共 ${checked.errors.length} 处错误：\n${checked.errors.map((e) => `  ${e.path || '（根）'}  ${e.message}  [${e.code}]\n`).join('')}`);
        return io.fail();
      }
      const result = analyseRaters(checked.input);
      io.out(opts.json ? `${JSON.stringify({ flags: result.flags.map(publicFlag) }, null, 2)}\n` : formatRatersTable(result, checked.input));
    });
}
