// Long work as background jobs (Prefer: respond-async): exports and imports that grow with the
// villages answer 202 with the job; pages follow it here and then fetch the file or show the report.
import { useQuery } from '@tanstack/react-query';
import type { Job, JobFile } from '../../../shared/contracts/jobs';
import type { ImportReport } from '../../../shared/contracts/common';
import { api, apiRequest, uploadRaw, type QueryValue } from './client';

export const respondAsync = { prefer: 'respond-async' } as const;

export const jobFinished = (job: Job | undefined) => job?.status === 'done' || job?.status === 'failed';

/** A job, read every second until it is done or failed. */
export function useJobProgress(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: () => api.get<Job>(`/jobs/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (jobFinished(q.state.data) ? false : 1000),
  });
}

/** Starts a GET export as a job (`path` without /api, as for downloadUrl). */
export function startExportJob(path: string, query?: Record<string, QueryValue>): Promise<Job> {
  return apiRequest<Job>(path, { query, headers: respondAsync });
}

/** The file a finished export job offers, or null (a job of another kind). */
export function jobFileOf(job: Job | undefined): JobFile | null {
  const file = (job?.result as { file?: JobFile } | null | undefined)?.file;
  return file && typeof file.url === 'string' ? file : null;
}

/** Uploads an import file and starts it as a job: the answer is the job, its result the report. */
export function uploadAsJob(path: string, file: Blob, onProgress?: (percent: number) => void): Promise<Job> {
  return uploadRaw<Job>(path, file, onProgress, respondAsync);
}

/** A synchronous import's report or a started job: the import dialog handles both. */
export type ImportAnswer = ImportReport | Job;
export const isJob = (answer: ImportAnswer): answer is Job => 'status' in answer && 'kind' in answer;
