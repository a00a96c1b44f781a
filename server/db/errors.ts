import { AppError, type ErrorCode } from '../../shared/errors.js';

/** Drizzle wraps driver errors: the SQLSTATE sits on the error or on its cause. */
export function sqlStateOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns a unique-constraint race into the same coded error the pre-check gives. */
export async function onUniqueViolation<T>(work: Promise<T>, code: ErrorCode): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (sqlStateOf(err) === '23505') throw new AppError(code);
    throw err;
  }
}
