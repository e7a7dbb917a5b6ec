import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data, isProblem } from '../../api/problem';
import type { components } from '../../api/schema';

export type Assessment = components['schemas']['AssessmentResponse'];
export type PutAssessmentBody = components['schemas']['PutAssessmentBody'];
export type DecisionBody = components['schemas']['DecisionBody'];
export type ReviewReportBody = components['schemas']['ReviewReportBody'];
export type ExtensionDecisionBody = components['schemas']['ExtensionDecisionBody'];
export type CaseEvent = components['schemas']['AuditEventResponse'];
export type ApplicationVersion = components['schemas']['ApplicationVersionResponse'];

/** Everything a case's pages show that a change on the case may have moved; settled when they are read again. */
function invalidateCase(queryClient: ReturnType<typeof useQueryClient>, applicationId: string): Promise<unknown> {
  const keys = [
    ['application', applicationId],
    ['assessment', applicationId],
    ['decision', applicationId],
    ['case-events', applicationId],
    ['worklist'],
    ['award'],
    ['ledger'],
    ['programme'],
    ['programmes'],
    ['notifications'],
  ];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** The assessment of an application; null before one is started (the API answers 404 then). */
export function useAssessment(applicationId: string) {
  return useQuery({
    queryKey: ['assessment', applicationId],
    queryFn: async () => {
      try {
        return await data(api.GET('/api/v1/applications/{id}/assessment', { params: { path: { id: applicationId } } }));
      } catch (error) {
        if (isProblem(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useSaveAssessment(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutAssessmentBody) => data(api.PUT('/api/v1/applications/{id}/assessment', { params: { path: { id: applicationId } }, body })),
    onSuccess: (assessment) => {
      queryClient.setQueryData(['assessment', applicationId], assessment);
      // The first save moves the case from submitted to in assessment, in the worklist too.
      for (const queryKey of [['application', applicationId], ['case-events', applicationId], ['worklist']]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function useCompleteAssessment(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST('/api/v1/applications/{id}/assessment/complete', { params: { path: { id: applicationId } } })),
    // The mutation settles once the case's pages have read the change (no stale status after it).
    onSuccess: () => invalidateCase(queryClient, applicationId),
  });
}

export function useDecide(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody) => data(api.POST('/api/v1/applications/{id}/decision', { params: { path: { id: applicationId } }, body })),
    onSuccess: () => invalidateCase(queryClient, applicationId),
  });
}

/** The decision letter as it would be sent, as a PDF, without sending it (nothing is written). */
export function usePreviewDecision(applicationId: string) {
  return useMutation({
    mutationFn: (body: DecisionBody) =>
      data(api.POST('/api/v1/applications/{id}/decision/preview', { params: { path: { id: applicationId } }, body, parseAs: 'blob' })) as Promise<Blob>,
  });
}

export function useAssign(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assigneeId: string | null) =>
      data(api.POST('/api/v1/applications/{id}/assign', { params: { path: { id: applicationId } }, body: { assigneeId } })),
    onSuccess: (application) => {
      queryClient.setQueryData(['application', applicationId], application);
      return invalidateCase(queryClient, applicationId);
    },
  });
}

/** The active caseworkers, by name: whom a case can be assigned to. */
export function useCaseworkers() {
  return useQuery({
    queryKey: ['caseworkers'],
    queryFn: () => data(api.GET('/api/v1/users/caseworkers')),
    staleTime: 5 * 60_000,
  });
}

/** The case trail, oldest first, a page at a time. */
export function useCaseEvents(applicationId: string) {
  return useInfiniteQuery({
    queryKey: ['case-events', applicationId],
    queryFn: ({ pageParam }) =>
      data(api.GET('/api/v1/applications/{id}/events', { params: { path: { id: applicationId }, query: { limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The versions of the application as submitted, newest first. */
export function useVersions(applicationId: string) {
  return useQuery({
    queryKey: ['versions', applicationId],
    queryFn: () => data(api.GET('/api/v1/applications/{id}/versions', { params: { path: { id: applicationId } } })),
  });
}

export function useReviewReport(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewReportBody) => data(api.POST('/api/v1/reports/{id}/review', { params: { path: { id: reportId } }, body })),
    onSuccess: () => {
      for (const key of [['report', reportId], ['award-reports'], ['worklist'], ['award'], ['case-events']])
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function useDecideExtension(awardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: ExtensionDecisionBody }) =>
      data(api.POST('/api/v1/extension-requests/{id}/decision', { params: { path: { id: requestId } }, body })),
    onSuccess: () => {
      for (const key of [['extension-requests', awardId], ['award', awardId], ['award-reports', awardId], ['worklist'], ['case-events']])
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
