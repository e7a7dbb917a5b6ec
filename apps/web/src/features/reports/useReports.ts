import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import type { components } from '../../api/schema';

export type Report = components['schemas']['ReportResponse'];
export type ReportDetail = components['schemas']['ReportDetailResponse'];
export type SubmitReportBody = components['schemas']['SubmitReportBody'];

/** An award's report schedule, by due date. */
export function useAwardReports(awardId: string | undefined) {
  return useQuery({
    queryKey: ['award-reports', awardId],
    queryFn: () => data(api.GET('/api/v1/awards/{id}/reports', { params: { path: { id: awardId! } } })),
    enabled: Boolean(awardId),
  });
}

/** One report with every submission, oldest first (a returned one carries the caseworker's comment). */
export function useReport(reportId: string | undefined) {
  return useQuery({
    queryKey: ['report', reportId],
    queryFn: () => data(api.GET('/api/v1/reports/{id}', { params: { path: { id: reportId! } } })),
    enabled: Boolean(reportId),
  });
}

export function useSubmitReport(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitReportBody) => data(api.POST('/api/v1/reports/{id}/submit', { params: { path: { id: reportId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['report', reportId] });
      void queryClient.invalidateQueries({ queryKey: ['award-reports'] });
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
