// The standards that ship in standards/: loaded into the demo city, offered as starting points.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { standardsDir } from '../../paths.js';
import type { Standard } from '../../../shared/standards/standard.js';
import { assertValidStandard } from './engine/standard-validate.js';

export const shippedStandardFiles = ['tumen-2022.json', 'satisfaction-weighted.json', 'named-stars-500.json'] as const;

export async function loadShippedStandards(): Promise<Standard[]> {
  return Promise.all(
    shippedStandardFiles.map(async (f) => assertValidStandard(JSON.parse(await readFile(path.join(standardsDir, f), 'utf8')))),
  );
}
