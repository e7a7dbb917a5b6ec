import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import type { paths } from '../../api/schema';

export type Amendment = paths['/api/v1/awards/{id}/amendments']['get']['responses']['200']['content']['application/json'][number];
export type AmendmentBody = paths['/api/v1/awards/{id}/amendments']['post']['requestBody']['content']['application/json'];
export type Cancellation = paths['/api/v1/awards/{id}/cancel']['post']['responses']['200']['content']['application/json'];

/** The award's versions after its decision (amendments, cancellation, reopening), the first first. */
export function useAmendments(awardId: string) {
  return useQuery({
    queryKey: ['amendments', awardId],
    queryFn: () => data(api.GET('/api/v1/awards/{id}/amendments', { params: { path: { id: awardId } } })),
  });
}

/** A kommune's active project leads: whom the caseworker can name the award's contact. */
export function useProjectLeads(municipalityCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ['project-leads', municipalityCode],
    queryFn: () => data(api.GET('/api/v1/users/project-leads', { params: { query: { municipalityCode } } })),
    enabled,
  });
}

/**
 * Everything on the case an amendment, a cancellation or a reopening moves: the award's figures and
 * versions, its instalments, claims, final accounts, reports and close-out checklist, the case (its
 * contact) and its trail, and the books and queues elsewhere.
 */
function useRefresh(awardId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [
      ['award', awardId],
      ['amendments', awardId],
      ['instalments', awardId],
      ['repayments', awardId],
      ['final-accounts', awardId],
      ['closeout', awardId],
      ['award-reports', awardId],
      ['extension-requests', awardId],
      ['application', applicationId],
      ['case-events', applicationId],
      ['documents', applicationId],
      ['awards'],
      ['reports'],
      ['worklist'],
      ['ledger'],
      ['programme'],
      ['programmes'],
      ['notifications'],
    ])
      void queryClient.invalidateQueries({ queryKey });
  };
}

export function useAmendAward(awardId: string, applicationId: string) {
  const refresh = useRefresh(awardId, applicationId);
  return useMutation({
    mutationFn: (body: AmendmentBody) => data(api.POST('/api/v1/awards/{id}/amendments', { params: { path: { id: awardId } }, body })),
    onSuccess: refresh,
  });
}

export function useCancelAward(awardId: string, applicationId: string) {
  const refresh = useRefresh(awardId, applicationId);
  return useMutation({
    mutationFn: (rationale: string) => data(api.POST('/api/v1/awards/{id}/cancel', { params: { path: { id: awardId } }, body: { rationale } })),
    onSuccess: refresh,
  });
}

export function useReopenAward(awardId: string, applicationId: string) {
  const refresh = useRefresh(awardId, applicationId);
  return useMutation({
    mutationFn: (rationale: string) => data(api.POST('/api/v1/awards/{id}/reopen', { params: { path: { id: awardId } }, body: { rationale } })),
    onSuccess: refresh,
  });
}
