import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import { useSession } from '../../api/session';

/** How many notifications are unread (`200+` beyond one page), polled while the app is open. */
export function useUnreadCount() {
  const session = useSession();
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: async () => ({ ...(await data(api.GET('/api/v1/notifications/unread-count'))), more: false }),
    enabled: session.status === 'signed-in',
    refetchInterval: 60_000,
  });
}

/** The inbox, newest first, a page at a time. */
export function useInbox() {
  return useInfiniteQuery({
    queryKey: ['notifications', 'inbox'],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/notifications', { params: { query: { limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
