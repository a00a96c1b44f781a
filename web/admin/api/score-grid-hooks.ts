import { useQuery } from '@tanstack/react-query';
import type { EvaluationStage } from '../../../shared/contracts/campaigns';
import type { ImportReport } from '../../../shared/contracts/common';
import type { GridRow, GridRowSave, ScoreGrid } from '../../../shared/contracts/score-grid';
import { api, downloadUrl, uploadRaw } from './client';
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

export const uploadGridWorkbook = (campaignId: string, stage: EvaluationStage, file: Blob, onProgress?: (percent: number) => void) =>
  uploadRaw<ImportReport>(`${gridPath(campaignId, stage)}/sheet.xlsx`, file, onProgress);
