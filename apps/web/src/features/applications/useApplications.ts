import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages } from '../../api/pages';
import { data } from '../../api/problem';
import type { components } from '../../api/schema';

export type Application = components['schemas']['ApplicationResponse'];
export type CreateApplicationBody = components['schemas']['CreateApplicationBody'];
export type UpdateApplicationBody = components['schemas']['UpdateApplicationBody'];

/** The kommune's applications (as lead or co-applicant), newest first. */
export function useMyApplications() {
  return useQuery({
    queryKey: ['applications', 'mine'],
    queryFn: () => allPages((cursor) => data(api.GET('/api/v1/applications', { params: { query: { limit: 200, cursor } } }))),
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['application', id],
    queryFn: () => data(api.GET('/api/v1/applications/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApplicationBody) => data(api.POST('/api/v1/applications', { body })),
    onSuccess: (application) => {
      queryClient.setQueryData(['application', application.id], application);
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function useUpdateApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateApplicationBody) => data(api.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body })),
    onSuccess: (application) => {
      queryClient.setQueryData(['application', id], application);
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function useSubmitApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id } } })),
    onSuccess: (application) => {
      queryClient.setQueryData(['application', id], application);
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
