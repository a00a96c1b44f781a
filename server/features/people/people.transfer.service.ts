// Excel import and export of people. Exports carry masked ID numbers and phones only.
import type { Ctx } from '../../context.js';
import { inReadSnapshot } from '../../db/read-snapshot.js';
import { inTransaction } from '../../db/transaction.js';
import { readTable, refuseIfErrors, writeTable, writeTemplate } from '../../spreadsheets/xlsx-table.js';
import { chinaDate } from '../../../shared/dates.js';
import type { ImportReport } from '../../../shared/contracts/common.js';
import type { PersonListQuery } from '../../../shared/contracts/people.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ReportProgress } from '../jobs/job-runner.js';
import { selectAllOrgUnits } from '../orgs/orgs.queries.js';
import { encodeContact, idNumberHmac } from './contact-data.js';
import { peopleReadScope, peopleWriteScope } from './people.policy.js';
import { insertPeople, insertPositions, selectExistingIdHmacs, selectPeopleForExport } from './people.queries.js';
import { peopleExportSheet, peopleSheet, peopleTemplateExample, personExportRow, planPeopleImport } from './people.sheet.js';
import { personFilterOf, withPositions } from './people.service.js';
import type { PersonRow } from './people.js';

export const peopleExportLimit = 50_000;

export function peopleImportTemplate(): Promise<Buffer> {
  return writeTemplate(peopleSheet, peopleTemplateExample);
}

/** `progress`: where an import job is (the synchronous route passes none). */
export async function importPeople(ctx: Ctx, file: Buffer, progress: ReportProgress = () => {}): Promise<ImportReport> {
  progress({ step: '读取文件', done: 0, total: 3 });
  const rows = await readTable(peopleSheet, file);
  progress({ step: '检查并写入', done: 1, total: 3 });
  const countyId = ctx.principal.countyId;
  return inTransaction(ctx, async (tx) => {
    const units = await selectAllOrgUnits(tx.db, countyId, peopleWriteScope(ctx.principal));
    const hmacs = rows.map((r) => r.values.idNumber.toUpperCase()).filter(Boolean).map((id) => idNumberHmac(ctx.crypto, id));
    const taken = await selectExistingIdHmacs(tx.db, countyId, hmacs);
    const { people, errors } = planPeopleImport(
      rows,
      new Map(units.map((u) => [u.code, u])),
      (id) => taken.has(idNumberHmac(ctx.crypto, id)),
      chinaDate(ctx.now()),
    );
    refuseIfErrors(errors);
    await insertPeople(
      tx.db,
      people.map(({ positions: _p, idNumber, phone, ...p }) => ({ ...p, countyId, ...encodeContact(ctx.crypto, { idNumber, phone }) })),
    );
    await insertPositions(tx.db, people.flatMap((p) => p.positions.map((x) => ({ ...x, countyId, personId: p.id }))));
    await recordAudit(tx, { event: 'person.import', objectType: 'person', after: { count: people.length } });
    return { imported: people.length, errors: [] };
  });
}

// People read, given their positions and shaped a chunk at a time with a pause between chunks:
// a province's 10,000 people at once held the event loop for two seconds.
const exportChunk = 1000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function exportPeople(ctx: Ctx, query: Partial<PersonListQuery>, progress: ReportProgress = () => {}): Promise<Buffer> {
  const countyId = ctx.principal.countyId;
  const scope = peopleReadScope(ctx.principal);
  progress({ step: '读取人员', done: 0, total: 0 });
  const filter = await personFilterOf(ctx, query);
  const rowsOut = await inReadSnapshot(ctx, async ({ db }) => {
    const codes = new Map((await selectAllOrgUnits(db, countyId, scope)).map((u) => [u.id, u.code]));
    const out: ReturnType<typeof personExportRow>[] = [];
    let last: PersonRow | undefined;
    while (out.length < peopleExportLimit) {
      await yieldToLoop();
      const want = Math.min(exportChunk, peopleExportLimit - out.length);
      const rows = await selectPeopleForExport(db, countyId, scope, filter, want, last);
      for (const p of await withPositions(db, countyId, rows)) out.push(personExportRow(p, codes.get(p.orgUnitId) ?? '', filter.today));
      progress({ step: '读取人员', done: out.length, total: 0 });
      if (rows.length < want) break;
      last = rows.at(-1);
    }
    return out;
  });
  await recordAudit(ctx, { event: 'export', objectType: 'person', after: { rows: rowsOut.length, filters: query } });
  return writeTable(peopleExportSheet, rowsOut, { onRows: (done, total) => progress({ step: '写入工作簿', done, total }) });
}
