// The demo's judges (评委) and their two stage-2 panels in the current campaign, so that judge01–
// judge05 open the score grid and find a whole panel's villages waiting for the 部门点评 window.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../../db/client.js';
import { insertPanel } from '../../assignments/assignments.queries.js';

export type DemoPanelsInput = {
  countyId: string;
  campaignId: string;
  /** judge01…judge05 in order. */
  judgeIds: string[];
  towns: { id: string }[];
  villages: { id: string; townId: string }[];
};

export async function seedDemoPanels(db: Db, input: DemoPanelsInput) {
  const [t1, t2, t3, t4] = input.towns.map((t) => t.id);
  const villagesOf = (...towns: (string | undefined)[]) => input.villages.filter((v) => towns.includes(v.townId)).map((v) => v.id);
  const panels = [
    { name: '部门点评第一组', departments: '市委组织部、市委政研室、市农业农村局', memberIds: input.judgeIds.slice(0, 3), villageIds: villagesOf(t1, t2) },
    { name: '部门点评第二组', departments: '市委组织部、市民政局、市财政局', memberIds: input.judgeIds.slice(3, 5), villageIds: villagesOf(t3, t4) },
  ];
  for (const p of panels) await insertPanel(db, input.countyId, input.campaignId, { id: randomUUID(), ...p });
}
