import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import type { paths } from '../../api/schema';

export type FinalAccount = paths['/api/v1/awards/{id}/final-accounts']['get']['responses']['200']['content']['application/json'][number];
export type FileFinalAccountsBody = paths['/api/v1/awards/{id}/final-accounts']['post']['requestBody']['content']['application/json'];
export type ReviewBody = paths['/api/v1/final-accounts/{id}/review']['post']['requestBody']['content']['application/json'];
export type Repayment = paths['/api/v1/awards/{id}/repayments']['get']['responses']['200']['content']['application/json'][number];
export type Closeout = paths['/api/v1/awards/{id}/closeout']['get']['responses']['200']['content']['application/json'];
type FinalAccountQuery = NonNullable<paths['/api/v1/final-accounts']['get']['parameters']['query']>;
export type RepaymentQuery = NonNullable<paths['/api/v1/repayments']['get']['parameters']['query']>;

/** The award's final-accounts filings, the first first. */
export function useFinalAccounts(awardId: string) {
  return useQuery({
    queryKey: ['final-accounts', awardId],
    queryFn: () => data(api.GET('/api/v1/awards/{id}/final-accounts', { params: { path: { id: awardId } } })),
  });
}

/** The award's repayment claims (the kommune's and the ministry's view alike). */
export function useAwardRepayments(awardId: string) {
  return useQuery({
    queryKey: ['repayments', awardId],
    queryFn: () => data(api.GET('/api/v1/awards/{id}/repayments', { params: { path: { id: awardId } } })),
  });
}

/** The close-out checklist: whether the award can be closed, and what is still open. */
export function useCloseout(awardId: string) {
  return useQuery({
    queryKey: ['closeout', awardId],
    queryFn: () => data(api.GET('/api/v1/awards/{id}/closeout', { params: { path: { id: awardId } } })),
  });
}

/** The worklist's final-accounts queue: filings in pages of 25, the longest waiting first. */
export function useFinalAccountList(query: FinalAccountQuery) {
  return useInfiniteQuery({
    queryKey: ['worklist', 'final-accounts', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/final-accounts', { params: { query: { ...query, limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The worklist's repayment queue: claims in pages of 25, the earliest due first. */
export function useRepaymentList(query: RepaymentQuery) {
  return useInfiniteQuery({
    queryKey: ['worklist', 'repayments', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/repayments', { params: { query: { ...query, limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Everything the money after the award shows: an approval moves the instalments, the claims, the checklist, the books. */
function useRefresh(awardId?: string) {
  const queryClient = useQueryClient();
  return () => {
    const keys = awardId
      ? [
          ['final-accounts', awardId],
          ['repayments', awardId],
          ['closeout', awardId],
          ['instalments', awardId],
          ['award', awardId],
        ]
      : [['final-accounts'], ['repayments'], ['closeout'], ['instalments'], ['award']];
    for (const queryKey of [...keys, ['worklist'], ['ledger'], ['programmes'], ['programme'], ['documents'], ['case-events']])
      void queryClient.invalidateQueries({ queryKey });
  };
}

export function useFileFinalAccounts(awardId: string) {
  const refresh = useRefresh(awardId);
  return useMutation({
    mutationFn: (body: FileFinalAccountsBody) => data(api.POST('/api/v1/awards/{id}/final-accounts', { params: { path: { id: awardId } }, body })),
    onSuccess: refresh,
  });
}

export function useReviewFinalAccounts(awardId: string) {
  const refresh = useRefresh(awardId);
  return useMutation({
    mutationFn: ({ id, ...body }: ReviewBody & { id: string }) => data(api.POST('/api/v1/final-accounts/{id}/review', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useCloseAward(awardId: string) {
  const refresh = useRefresh(awardId);
  return useMutation({
    mutationFn: () => data(api.POST('/api/v1/awards/{id}/close', { params: { path: { id: awardId } } })),
    onSuccess: refresh,
  });
}

export function useSettleRepayment(awardId: string) {
  const refresh = useRefresh(awardId);
  return useMutation({
    mutationFn: ({ id, settledOn, reference }: { id: string; settledOn: string; reference: string }) =>
      data(api.POST('/api/v1/repayments/{id}/settle', { params: { path: { id } }, body: { settledOn, reference } })),
    onSuccess: refresh,
  });
}

export function useWaiveRepayment(awardId: string) {
  const refresh = useRefresh(awardId);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      data(api.POST('/api/v1/repayments/{id}/waive', { params: { path: { id } }, body: { reason } })),
    onSuccess: refresh,
  });
}
