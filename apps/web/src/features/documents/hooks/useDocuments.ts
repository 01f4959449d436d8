import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentKeys, documentsApi } from '../api/documents.api';

export function useLibrary(networkId: string, folderId: string | null) {
  return useQuery({ queryKey: documentKeys.library(networkId, folderId), queryFn: () => documentsApi.library(networkId, folderId) });
}

/** The library's search box: the search engine, this network's documents only (q of 2 characters or more). */
export function useLibrarySearch(networkId: string, q: string) {
  return useQuery({
    queryKey: documentKeys.search(networkId, q),
    queryFn: ({ signal }) => documentsApi.search(networkId, q, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Every folder of the library the caller sees, with its path (the move picker). */
export function useFolderOptions(networkId: string) {
  return useQuery({ queryKey: documentKeys.folders(networkId), queryFn: () => documentsApi.folders(networkId) });
}

export function useDocumentDetail(documentId: string | null) {
  return useQuery({
    queryKey: documentKeys.document(documentId ?? ''),
    queryFn: () => documentsApi.document(documentId ?? ''),
    enabled: documentId !== null,
  });
}

/** After a change in a network's library: its folders' contents, searches and open documents. */
export function useRefreshLibrary() {
  const queryClient = useQueryClient();
  return (networkId: string, documentId?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: documentKeys.libraries(networkId) }),
      documentId ? queryClient.invalidateQueries({ queryKey: documentKeys.document(documentId) }) : null,
    ]);
}
