import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import {
  DOCUMENT_DESCRIPTION_MAX,
  DOCUMENT_FOLDER_NAME_MAX,
  DOCUMENT_TITLE_MAX,
  type CreateDocumentFolderRequest,
  type UpdateDocumentFolderRequest,
  type UpdateDocumentRequest,
} from '@maillage/contracts';
import { Trim } from '../../../core/http/transforms';
import { SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);

export class CreateDocumentFolderDto implements CreateDocumentFolderRequest {
  @Trim()
  @IsString()
  @Length(1, DOCUMENT_FOLDER_NAME_MAX)
  @SingleLine()
  name: string;

  @IsOptional()
  @Nullable()
  @IsUUID()
  parentId?: string | null;

  @IsOptional()
  @IsBoolean()
  animatorsOnly?: boolean;
}

export class UpdateDocumentFolderDto implements UpdateDocumentFolderRequest {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, DOCUMENT_FOLDER_NAME_MAX)
  @SingleLine()
  name?: string;

  @IsOptional()
  @Nullable()
  @IsUUID()
  parentId?: string | null;

  @IsOptional()
  @IsBoolean()
  animatorsOnly?: boolean;
}

export class UpdateDocumentDto implements UpdateDocumentRequest {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, DOCUMENT_TITLE_MAX)
  @SingleLine()
  title?: string;

  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(DOCUMENT_DESCRIPTION_MAX)
  description?: string;

  @IsOptional()
  @Nullable()
  @IsUUID()
  folderId?: string | null;
}

/** The optional text fields of an upload (multipart fields sent before the file). */
export class UploadDocumentFieldsDto {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, DOCUMENT_TITLE_MAX)
  @SingleLine()
  title?: string;

  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(DOCUMENT_DESCRIPTION_MAX)
  description?: string;
}

export class DocumentFolderQueryDto {
  @IsOptional()
  @IsUUID()
  folderId?: string;
}

export class DocumentSearchQueryDto {
  @Trim()
  @IsString()
  @Length(1, 200)
  @SingleLine()
  q: string;
}
