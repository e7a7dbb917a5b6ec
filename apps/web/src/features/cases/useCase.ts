import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages } from '../../api/pages';
import { data, isProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { useApplication } from '../applications/useApplications';

export type Award = components['schemas']['AwardResponse'];
export type Decision = components['schemas']['DecisionView'];

const DECIDED = new Set(['awarded', 'rejected']);

/** The decision on an application; null before there is one (the API answers 404 then). */
export function useDecision(applicationId: string | undefined, decided: boolean) {
  return useQuery({
    queryKey: ['decision', applicationId],
    queryFn: async () => {
      try {
        return await data(api.GET('/api/v1/applications/{id}/decision', { params: { path: { id: applicationId! } } }));
      } catch (error) {
        if (isProblem(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(applicationId) && decided,
  });
}

export function useAward(awardId: string | undefined) {
  return useQuery({
    queryKey: ['award', awardId],
    queryFn: () => data(api.GET('/api/v1/awards/{id}', { params: { path: { id: awardId! } } })),
    enabled: Boolean(awardId),
  });
}

/** A case as its pages read it: the application, its decision once made, and the award it made. */
export function useCase(applicationId: string | undefined) {
  const application = useApplication(applicationId);
  const decided = DECIDED.has(application.data?.status ?? '');
  const decision = useDecision(applicationId, decided);
  const award = useAward(decision.data?.awardId);
  const loading = application.isPending || (decided && decision.isPending) || (Boolean(decision.data?.awardId) && award.isPending);
  return { application, decision, award, loading, error: application.error ?? decision.error ?? award.error };
}

/** The kommune's awards (bevillinger), newest first. */
export function useMyAwards() {
  return useQuery({
    queryKey: ['awards', 'mine'],
    queryFn: () => allPages((cursor) => data(api.GET('/api/v1/awards', { params: { query: { limit: 200, cursor } } }))),
  });
}

/** The kommune's reports of every award, by due date; `overdue` is the API's. */
export function useMyReports() {
  return useQuery({
    queryKey: ['reports', 'mine'],
    queryFn: () => allPages((cursor) => data(api.GET('/api/v1/reports', { params: { query: { limit: 200, cursor } } }))),
  });
}
