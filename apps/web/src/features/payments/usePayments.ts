import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { saveBlob } from '../../api/download';
import { data } from '../../api/problem';
import type { components, paths } from '../../api/schema';

export type Instalment = components['schemas']['InstalmentResponse'];
type InstalmentQuery = NonNullable<paths['/api/v1/instalments']['get']['parameters']['query']>;

/** An award's instalments, in the order of its payment plan. */
export function useAwardInstalments(awardId: string) {
  return useQuery({
    queryKey: ['instalments', awardId],
    queryFn: () => data(api.GET('/api/v1/awards/{id}/instalments', { params: { path: { id: awardId } } })),
  });
}

/** The worklist's payment approval queue: ready instalments in pages of 25, the longest waiting first. */
export function useInstalmentList(query: InstalmentQuery) {
  return useInfiniteQuery({
    queryKey: ['worklist', 'instalments', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/instalments', { params: { query: { ...query, limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useRefresh(awardId: string) {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [['instalments', awardId], ['worklist'], ['ledger'], ['programmes'], ['programme']])
      void queryClient.invalidateQueries({ queryKey });
  };
}

export function useApproveInstalment(awardId: string) {
  const refresh = useRefresh(awardId);
  return useMutation({
    mutationFn: (id: string) => data(api.POST('/api/v1/instalments/{id}/approve', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useRecordPayment(awardId: string) {
  const refresh = useRefresh(awardId);
  return useMutation({
    mutationFn: ({ id, paidOn, reference }: { id: string; paidOn: string; reference: string }) =>
      data(api.POST('/api/v1/payments/{id}/paid', { params: { path: { id } }, body: { paidOn, reference } })),
    onSuccess: refresh,
  });
}

/** The finance system's file: approved instalments not yet paid (fetched with the token, saved as a file). */
export async function downloadPaymentsCsv(programmeId?: string): Promise<void> {
  const blob = (await data(
    api.GET('/api/v1/exports/payments.csv', { params: { query: programmeId ? { programmeId } : {} }, parseAs: 'blob' }),
  )) as unknown as Blob;
  saveBlob(blob, 'udbetalinger.csv');
}
