import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import type { components, operations } from '../../api/schema';

export type Application = components['schemas']['ApplicationResponse'];
export type Report = components['schemas']['ReportResponse'];
export type ExtensionRequest = components['schemas']['ExtensionRequestResponse'];

type ApplicationQuery = NonNullable<operations['ApplicationsController_list']['parameters']['query']>;
type ReportQuery = NonNullable<operations['ReportsController_worklist']['parameters']['query']>;
type ExtensionQuery = NonNullable<operations['ExtensionsController_worklist']['parameters']['query']>;

/** One page at a time: the list never reads more than the caseworker has asked to see. */
export const PAGE_SIZE = 25;

const nextCursor = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

/** Applications in pages of {@link PAGE_SIZE}, "vis flere" reading the next from the last cursor. */
export function useApplicationList(query: ApplicationQuery) {
  return useInfiniteQuery({
    queryKey: ['worklist', 'applications', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/applications', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useReportList(query: ReportQuery) {
  return useInfiniteQuery({
    queryKey: ['worklist', 'reports', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/reports', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useExtensionList(query: ExtensionQuery) {
  return useInfiniteQuery({
    queryKey: ['worklist', 'extensions', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/extension-requests', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    placeholderData: keepPreviousData,
  });
}
