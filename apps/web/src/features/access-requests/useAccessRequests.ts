import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import type { components, operations } from '../../api/schema';

export type AccessRequest = components['schemas']['AccessRequestResponse'];
export type AccessRequestBody = components['schemas']['CreateAccessRequestBody'];
type AccessRequestQuery = NonNullable<operations['AccessRequestsController_list']['parameters']['query']>;

/** What the two kinds are called, and the law each rests on. */
export const ACCESS_KINDS: Record<AccessRequest['kind'], { label: string; hint: string }> = {
  aktindsigt: { label: 'Aktindsigt', hint: 'Offentlighedsloven: enhver kan bede om indsigt, fx en journalist eller en borger.' },
  partsaktindsigt: { label: 'Partsaktindsigt', hint: 'Forvaltningslovens § 9: en part i sagen, fx den ansøgende kommune.' },
};

/** One case's requests, earliest deadline first (a case rarely has more than a page of them). */
export function useCaseAccessRequests(applicationId: string) {
  return useQuery({
    queryKey: ['access-requests', 'case', applicationId],
    queryFn: () => data(api.GET('/api/v1/access-requests', { params: { query: { applicationId, limit: 100 } } })),
  });
}

/** The worklist's queue: requests in pages of 25, earliest deadline first. */
export function useAccessRequestList(query: AccessRequestQuery) {
  return useInfiniteQuery({
    queryKey: ['worklist', 'access-requests', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/access-requests', { params: { query: { ...query, limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useRefresh(applicationId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['access-requests', 'case', applicationId] });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    void queryClient.invalidateQueries({ queryKey: ['case-events', applicationId] });
  };
}

export function useRegisterAccessRequest(applicationId: string) {
  const refresh = useRefresh(applicationId);
  return useMutation({
    mutationFn: (body: AccessRequestBody) => data(api.POST('/api/v1/access-requests', { body })),
    onSuccess: refresh,
  });
}

export function useCompleteAccessRequest(applicationId: string) {
  const refresh = useRefresh(applicationId);
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      data(api.POST('/api/v1/access-requests/{id}/complete', { params: { path: { id } }, body: { note } })),
    onSuccess: refresh,
  });
}
