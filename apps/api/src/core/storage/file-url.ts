/** The public address of a stored file (served by FilesController, which applies each file's own rules), or null. */
export function fileUrl(fileId: string | null): string | null {
  return fileId ? `/api/v1/files/${fileId}` : null;
}
