import { useQuery } from '@tanstack/react-query';
import type { EvaluationStage } from '../../../shared/contracts/campaigns';
import type { GridRow, GridRowSave, ScoreGrid } from '../../../shared/contracts/score-grid';
import { api, downloadUrl } from './client';
import { uploadAsJob } from './jobs-hooks';
import { campaignKeys } from './campaigns-hooks';

const gridPath = (campaignId: string, stage: EvaluationStage) => `/campaigns/${campaignId}/grid/${stage}`;
export const gridKey = (campaignId: string, stage: EvaluationStage) => [...campaignKeys.one(campaignId), 'grid', stage] as const;

export function useScoreGrid(campaignId: string, stage: EvaluationStage) {
  // The grid keeps its own drafts: a background refetch must not replace what is being typed.
  return useQuery({ queryKey: gridKey(campaignId, stage), queryFn: () => api.get<ScoreGrid>(gridPath(campaignId, stage)), refetchOnWindowFocus: false });
}

export const saveGridRow = (campaignId: string, stage: EvaluationStage, villageId: string, body: GridRowSave) =>
  api.put<GridRow>(`${gridPath(campaignId, stage)}/${villageId}`, body);

export const gridWorkbookUrl = (campaignId: string, stage: EvaluationStage) => downloadUrl(`${gridPath(campaignId, stage)}/sheet.xlsx`);

/** The sheet's path without /api: its export runs as a job (ExportJobButton). */
export const gridWorkbookPath = (campaignId: string, stage: EvaluationStage) => `${gridPath(campaignId, stage)}/sheet.xlsx`;

/** An upload runs as a job (a province's sheet is 10,000 rows): the import dialog follows it. */
export const uploadGridWorkbook = (campaignId: string, stage: EvaluationStage, file: Blob, onProgress?: (percent: number) => void) =>
  uploadAsJob(gridWorkbookPath(campaignId, stage), file, onProgress);
