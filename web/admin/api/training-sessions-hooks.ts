import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportReport, Page } from '../../../shared/contracts/common';
import type {
  Attendance,
  AttendanceSet,
  AttendanceStatus,
  CourseType,
  SessionCreate,
  SessionStatus,
  SessionUpdate,
  SignInLink,
  TourReport,
  TrainingCategory,
  TrainingSession,
} from '../../../shared/contracts/training';
import { api, uploadRaw } from './client';

export type SessionFilters = {
  year?: number;
  courseType?: CourseType;
  category?: TrainingCategory;
  status?: SessionStatus;
  q?: string;
  page: number;
  pageSize: number;
};

export type AttendanceFilters = { status?: AttendanceStatus; q?: string; page: number; pageSize: number };

export const trainingKeys = {
  all: ['training'] as const,
  sessions: (f: SessionFilters) => [...trainingKeys.all, 'sessions', f] as const,
  session: (id: string) => [...trainingKeys.all, 'session', id] as const,
  signIn: (id: string) => [...trainingKeys.all, 'sign-in', id] as const,
  attendance: (id: string, f: AttendanceFilters) => [...trainingKeys.all, 'attendance', id, f] as const,
};

export function useTrainingSessions(filters: SessionFilters) {
  return useQuery({
    queryKey: trainingKeys.sessions(filters),
    queryFn: () => api.get<Page<TrainingSession>>('/training/sessions', filters),
    placeholderData: keepPreviousData,
  });
}

/** While QR sign-in is open the counts move by themselves: poll every 5 s. */
export function useTrainingSession(id: string) {
  return useQuery({
    queryKey: trainingKeys.session(id),
    queryFn: () => api.get<TrainingSession>(`/training/sessions/${id}`),
    refetchInterval: (q) => (q.state.data?.signInState === 'open' ? 5000 : false),
  });
}

/** Only organizers may see the link (the server answers 404 to others); ask only when allowed. */
export function useSignInLink(id: string, enabled: boolean) {
  return useQuery({ queryKey: trainingKeys.signIn(id), queryFn: () => api.get<SignInLink>(`/training/sessions/${id}/sign-in`), enabled });
}

export function useAttendance(id: string, filters: AttendanceFilters, refetchInterval?: number) {
  return useQuery({
    queryKey: trainingKeys.attendance(id, filters),
    queryFn: () => api.get<Page<Attendance>>(`/training/sessions/${id}/attendance`, filters),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/** Any change to a session or its attendance moves counts, records, coverage and the overview. */
function useInvalidateTraining() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
}

export function useCreateSession() {
  const invalidate = useInvalidateTraining();
  return useMutation({ mutationFn: (input: SessionCreate) => api.post<TrainingSession>('/training/sessions', input), meta: { silent: true }, onSuccess: invalidate });
}

export function useUpdateSession() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SessionUpdate }) => api.patch<TrainingSession>(`/training/sessions/${id}`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useSessionAction() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'complete' | 'cancel' }) => api.post<TrainingSession>(`/training/sessions/${id}/${action}`),
    onSuccess: invalidate,
  });
}

export function useSignInAction() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'open' | 'rotate' | 'close' }) => api.post<SignInLink>(`/training/sessions/${id}/sign-in/${action}`),
    onSuccess: invalidate,
  });
}

export function useSetAttendance() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, personId, input }: { id: string; personId: string; input: AttendanceSet }) =>
      api.put<Attendance>(`/training/sessions/${id}/attendance/${personId}`, input),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useSetTourReport() {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, personId, report }: { id: string; personId: string; report: TourReport }) =>
      api.put<Attendance>(`/training/sessions/${id}/attendance/${personId}/report`, report),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}

export function useImportAttendance(id: string) {
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: Blob; onProgress?: (p: number) => void }) =>
      uploadRaw<ImportReport>(`/training/sessions/${id}/attendance/import`, file, onProgress),
    meta: { silent: true },
    onSuccess: invalidate,
  });
}
