import type { z } from 'zod';

/** A validation finding that points at the place in the JSON document, e.g. `levelScheme.thresholds[2]`. */
export type PathError = { path: string; code: string; message: string };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
  record: '对象',
};

function sizeMessage(issue: { origin: string; inclusive?: boolean }, bound: unknown, small: boolean): string {
  const limit = String(bound);
  switch (issue.origin) {
    case 'array':
    case 'set':
      return small ? `至少需要 ${limit} 项` : `最多 ${limit} 项`;
    case 'string':
      return small ? (limit === '1' ? '不能为空' : `长度至少为 ${limit}`) : `长度不能超过 ${limit}`;
    default:
      if (small) return issue.inclusive === false ? `必须大于 ${limit}` : `不能小于 ${limit}`;
      return issue.inclusive === false ? `必须小于 ${limit}` : `不能大于 ${limit}`;
  }
}

/**
 * Turns zod issues into path errors with Chinese messages. `root` is the parsed document, used to
 * tell a missing field from one of the wrong type (zod 4 does not report the input by default).
 */
export function describeZodIssues(error: z.ZodError, root: unknown, prefix: string): PathError[] {
  const errors: PathError[] = [];
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'invalid_type': {
        const missing = valueAt(root, issue.path) === undefined;
        errors.push({
          path,
          code: `${prefix}.${missing ? 'required' : 'invalid_type'}`,
          message: missing ? '缺少必填字段' : `类型错误：应为${typeNames[issue.expected] ?? issue.expected}`,
        });
        break;
      }
      case 'too_small':
        errors.push({ path, code: `${prefix}.too_small`, message: sizeMessage(issue, issue.minimum, true) });
        break;
      case 'too_big':
        errors.push({ path, code: `${prefix}.too_big`, message: sizeMessage(issue, issue.maximum, false) });
        break;
      case 'invalid_format':
        errors.push({
          path,
          code: `${prefix}.invalid_format`,
          message: '格式不正确：标识须以字母开头，只含字母、数字、“_”“-”“.”，最长 64 个字符',
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          errors.push({
            path: formatPath([...issue.path, key]),
            code: `${prefix}.unknown_key`,
            message: `未知字段“${key}”（请检查拼写）`,
          });
        }
        break;
      case 'invalid_value':
        errors.push({
          path,
          code: `${prefix}.invalid_value`,
          message: `取值应为以下之一：${issue.values.map((v) => String(v)).join('、')}`,
        });
        break;
      case 'invalid_union': {
        // A discriminated union names its discriminator (already the last path segment) and options.
        const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
        errors.push({
          path,
          code: `${prefix}.invalid_value`,
          message: discriminator
            ? `“${discriminator}”的取值不被支持${options?.length ? `，应为以下之一：${options.map(String).join('、')}` : ''}`
            : '内容不符合任何一种允许的格式',
        });
        break;
      }
      default:
        errors.push({ path, code: `${prefix}.invalid`, message: `内容无效：${issue.message}` });
    }
  }
  return errors;
}
