import { AppException } from '../../core/errors/app-exception';

export const LIBRARY = 'Library';
export const FOLDER = 'Folder';
export const DOCUMENT = 'Document';
export const VERSION = 'Version';

/** A 400 naming the field at fault. */
const invalidField = (code: string, field: string, message: string) =>
  AppException.badRequest(code, message, [{ field, messages: [message] }]);

export const DocumentErrors = {
  folderNotEmpty: () => AppException.conflict('DOCUMENT_FOLDER_NOT_EMPTY', 'Move or delete the documents and folders inside first'),
  invalidParent: () =>
    invalidField('INVALID_FOLDER', 'parentId', 'Unknown folder in this library, or the folder itself or one of its sub-folders'),
  invalidFolder: () => invalidField('INVALID_FOLDER', 'folderId', 'Unknown folder in this library'),
  tooDeep: () => invalidField('FOLDER_TOO_DEEP', 'parentId', 'Folders nest at most 8 levels deep'),
  sameVersion: () => AppException.conflict('DOCUMENT_VERSION_CURRENT', 'This version is already the current one'),
};
