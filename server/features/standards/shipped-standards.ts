// The standards that ship in standards/: loaded into the demo city, offered as starting points.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Standard } from '../../../shared/standards/standard.js';
import { assertValidStandard } from './engine/standard-validate.js';

export const shippedStandardFiles = ['tumen-2022.json', 'satisfaction-weighted.json', 'named-stars-500.json'] as const;
const dir = new URL('../../../standards/', import.meta.url);

export async function loadShippedStandards(): Promise<Standard[]> {
  return Promise.all(
    shippedStandardFiles.map(async (f) => assertValidStandard(JSON.parse(await readFile(fileURLToPath(new URL(f, dir)), 'utf8')))),
  );
}
