import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common';
import type { Finding, SupervisionRecord, SupervisionRecordCreate, SupervisionRecordDetail } from '../../../shared/contracts/fieldwork-supervision';
import { api } from './client';
import { useFieldworkMutation, type Filters } from './fieldwork-pairing-hooks';

export const useSupervisionRecords = (f: Filters) =>
  useQuery({ queryKey: ['fieldwork', 'supervision', f], queryFn: () => api.get<Page<SupervisionRecord>>('/supervision/records', f), placeholderData: keepPreviousData });

export const useSupervisionRecord = (id: string | null) =>
  useQuery({ queryKey: ['fieldwork', 'supervision-record', id], queryFn: () => api.get<SupervisionRecordDetail>(`/supervision/records/${id}`), enabled: Boolean(id) });

export const useFindings = (f: Filters) =>
  useQuery({ queryKey: ['fieldwork', 'findings', f], queryFn: () => api.get<Page<Finding>>('/supervision/findings', f), placeholderData: keepPreviousData });

export const useRecordSupervision = () => useFieldworkMutation((input: SupervisionRecordCreate) => api.post<SupervisionRecordDetail>('/supervision/records', input));

export const useMoveFinding = () =>
  useFieldworkMutation(({ id, action, text }: { id: string; action: 'close' | 'reopen'; text: string }) =>
    api.post<Finding>(`/supervision/findings/${id}/${action}`, action === 'close' ? { actionTaken: text } : { reason: text }),
  );
