import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import type { components } from '../../api/schema';

export type ExtensionRequest = components['schemas']['ExtensionRequestResponse'];
export type ExtensionRequestBody = components['schemas']['ExtensionRequestBody'];

export function useExtensionRequests(awardId: string | undefined) {
  return useQuery({
    queryKey: ['extension-requests', awardId],
    queryFn: () => data(api.GET('/api/v1/awards/{id}/extension-requests', { params: { path: { id: awardId! } } })),
    enabled: Boolean(awardId),
  });
}

export function useRequestExtension(awardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExtensionRequestBody) => data(api.POST('/api/v1/awards/{id}/extension-requests', { params: { path: { id: awardId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['extension-requests', awardId] }),
  });
}

export function useWithdrawExtension(awardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => data(api.POST('/api/v1/extension-requests/{id}/withdraw', { params: { path: { id: requestId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['extension-requests', awardId] }),
  });
}
