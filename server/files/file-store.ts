// Uploaded files' bytes on disk (evidence, self-evaluation and rectification material), outside the web root: <dir>/<county id>/<evidence id>. The path is
// built from two UUIDs only, checked here again, so no user input ever reaches the file system.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function evidencePath(dir: string | undefined, countyId: string, id: string): string {
  if (!dir) throw new AppError('evidence.storage_unavailable');
  if (!uuidPattern.test(countyId) || !uuidPattern.test(id)) throw new AppError('evidence.not_found');
  return path.join(dir, countyId, id);
}

export async function storeEvidenceFile(dir: string | undefined, countyId: string, id: string, data: Buffer): Promise<void> {
  const file = evidencePath(dir, countyId, id);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx': a fresh id never overwrites anything.
  await writeFile(file, data, { flag: 'wx', mode: 0o600 });
}

export async function readEvidenceFile(dir: string | undefined, countyId: string, id: string): Promise<Buffer> {
  try {
    return await readFile(evidencePath(dir, countyId, id));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('evidence.not_found');
    throw err;
  }
}

/** Only for a file whose database row did not commit. */
export async function discardEvidenceFile(dir: string | undefined, countyId: string, id: string): Promise<void> {
  await rm(evidencePath(dir, countyId, id), { force: true });
}
