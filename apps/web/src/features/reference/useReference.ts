import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages } from '../../api/pages';
import { data } from '../../api/problem';
import type { components } from '../../api/schema';

export type Municipality = components['schemas']['MunicipalityResponse'];
export type Programme = components['schemas']['ProgrammeResponse'];

/** The 98 kommuner, by code; they do not change while the app runs. */
export function useMunicipalities() {
  return useQuery({
    queryKey: ['municipalities'],
    queryFn: () => data(api.GET('/api/v1/municipalities')),
    staleTime: Infinity,
    select: (items) => ({
      items: [...items].sort((a, b) => a.name.localeCompare(b.name, 'da')),
      byCode: new Map(items.map((item) => [item.code, item.name])),
      officialByCode: new Map(items.map((item) => [item.code, item.officialName])),
    }),
  });
}

/** `Syddjurs Kommune` for `706` (the official name), once the list is loaded; nothing until then. */
export function useMunicipalityName(code: string | null | undefined): string | null {
  const municipalities = useMunicipalities();
  // Nothing until the names have loaded: a bare code ("751") is no name to show a person.
  if (!code || !municipalities.data) return null;
  return municipalities.data.officialByCode.get(code) ?? code;
}

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: () => allPages((cursor) => data(api.GET('/api/v1/programmes', { params: { query: { limit: 200, cursor } } }))),
    staleTime: 5 * 60_000,
  });
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: ['programme', id],
    queryFn: () => data(api.GET('/api/v1/programmes/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}
