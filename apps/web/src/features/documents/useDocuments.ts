import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { saveBlob } from '../../api/download';
import { data } from '../../api/problem';
import type { components } from '../../api/schema';

export type CaseDocument = components['schemas']['DocumentResponse'];
export type DocumentKind = CaseDocument['kind'];

/** The case's documents (the application's, its reports' and its award's), in journal order. */
export function useCaseDocuments(applicationId: string) {
  return useQuery({
    queryKey: ['documents', applicationId],
    queryFn: () => data(api.GET('/api/v1/applications/{id}/documents', { params: { path: { id: applicationId } } })),
  });
}

/**
 * Uploads one file as multipart form data: the fields first, then the file (the API reads them in
 * that order, so it knows where the file belongs before it stores a byte of it).
 */
export function useUploadDocument(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      kind,
      subjectType,
      subjectId,
    }: {
      file: File;
      kind: DocumentKind;
      subjectType: 'application' | 'report' | 'award';
      subjectId: string;
    }) => {
      const form = new FormData();
      form.append('subjectType', subjectType);
      form.append('subjectId', subjectId);
      form.append('kind', kind);
      form.append('file', file, file.name);
      return data(
        api.POST('/api/v1/documents', {
          // The browser writes the multipart body and its boundary itself.
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['documents', applicationId] });
      void queryClient.invalidateQueries({ queryKey: ['case-events', applicationId] });
    },
  });
}

export function useDeleteDocument(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => data(api.DELETE('/api/v1/documents/{id}', { params: { path: { id: documentId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['documents', applicationId] }),
  });
}

/** Downloads one document as it was uploaded. */
export async function downloadCaseDocument(document: CaseDocument): Promise<void> {
  const blob = (await data(api.GET('/api/v1/documents/{id}/content', { params: { path: { id: document.id } }, parseAs: 'blob' }))) as Blob;
  saveBlob(blob, document.filename);
}

/** Downloads the case file (sagens akter) as a zip, optionally without other people's contact details. */
export async function downloadCaseFile(applicationId: string, caseNumber: string, redactPersonalData: boolean): Promise<void> {
  const blob = (await data(
    api.GET('/api/v1/applications/{id}/case-file.zip', {
      params: { path: { id: applicationId }, query: { redactPersonalData: redactPersonalData ? 'true' : 'false' } },
      parseAs: 'blob',
    }),
  )) as Blob;
  saveBlob(blob, `sagens-akter-${caseNumber}${redactPersonalData ? '-uden-personoplysninger' : ''}.zip`);
}
