import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages } from '../../api/pages';
import { data } from '../../api/problem';
import type { components, operations } from '../../api/schema';

export type CreateProgrammeBody = components['schemas']['CreateProgrammeBody'];
export type UpdateProgrammeBody = components['schemas']['UpdateProgrammeBody'];
export type Ledger = components['schemas']['LedgerResponse'];
export type AuditEvent = components['schemas']['AuditEventResponse'];
export type AuditQuery = Omit<NonNullable<operations['AuditController_list']['parameters']['query']>, 'cursor' | 'limit'>;
export type User = components['schemas']['UserResponse'];
export type CreateUserBody = components['schemas']['CreateUserBody'];
export type UpdateUserBody = components['schemas']['UpdateUserBody'];
export type Reminder = components['schemas']['ReminderResponse'];
export type ReminderQuery = Omit<NonNullable<operations['RemindersController_list']['parameters']['query']>, 'cursor' | 'limit'>;

/** After a change to a programme's books: its reads, the list (with its sums) and its ledger are stale. */
function programmeChanged(queryClient: ReturnType<typeof useQueryClient>, id: string) {
  void queryClient.invalidateQueries({ queryKey: ['programmes'] });
  void queryClient.invalidateQueries({ queryKey: ['programme', id] });
  void queryClient.invalidateQueries({ queryKey: ['ledger', id] });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProgrammeBody) => data(api.POST('/api/v1/programmes', { body })),
    onSuccess: (programme) => {
      queryClient.setQueryData(['programme', programme.id], programme);
      void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    },
  });
}

export function useUpdateProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProgrammeBody) => data(api.PATCH('/api/v1/programmes/{id}', { params: { path: { id } }, body })),
    onSuccess: (programme) => {
      queryClient.setQueryData(['programme', id], programme);
      programmeChanged(queryClient, id);
    },
  });
}

export function useAddAdjustment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { deltaOre: number; reason: string }) =>
      data(api.POST('/api/v1/programmes/{id}/budget-adjustments', { params: { path: { id } }, body })),
    onSuccess: () => programmeChanged(queryClient, id),
  });
}

/** The programme's books; read fresh on every visit (a decision elsewhere moves them). */
export function useLedger(id: string | undefined) {
  return useQuery({
    queryKey: ['ledger', id],
    queryFn: () => data(api.GET('/api/v1/programmes/{id}/ledger', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

export function useVerifyChain() {
  return useMutation({ mutationFn: () => data(api.GET('/api/v1/audit-events/verify')) });
}

/** Every user, by name: an administration has a few hundred at most. */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: () => allPages((cursor) => data(api.GET('/api/v1/users', { params: { query: { limit: 200, cursor, sort: 'name' } } }))),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => data(api.POST('/api/v1/users', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** A change to one user: active or not, unlocked, approved. */
export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'activate' | 'deactivate' | 'unlock' | 'approve' }) => {
      const path = { params: { path: { id } } };
      switch (action) {
        case 'unlock':
          return data(api.POST('/api/v1/users/{id}/unlock', path));
        case 'approve':
          return data(api.POST('/api/v1/users/{id}/approve', path));
        default:
          return data(api.PATCH('/api/v1/users/{id}', { ...path, body: { active: action === 'activate' } }));
      }
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResendReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.POST('/api/v1/reminders/{id}/resend', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['reminders'] }),
  });
}
