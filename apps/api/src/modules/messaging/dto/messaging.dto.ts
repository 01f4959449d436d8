import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CONVERSATION_KINDS,
  CONVERSATION_PARTICIPANTS_MAX,
  CONVERSATION_TITLE_MAX,
  MESSAGE_ATTACHMENTS_MAX,
  MESSAGE_BODY_MAX,
  MESSAGE_PAGE_DEFAULT,
  MESSAGE_PAGE_MAX,
  type AddParticipantsRequest,
  type ConversationKind,
  type EditMessageRequest,
  type MarkReadRequest,
  type MuteConversationRequest,
  type SendMessageRequest,
  type UpdateConversationRequest,
} from '@maillage/contracts';
import { Trim } from '../../../core/http/transforms';
import { SingleLine } from '../../../core/http/validators';

/** Sequence numbers fit a JavaScript number comfortably. */
const SEQ_MAX = Number.MAX_SAFE_INTEGER;
/** A Markdown body: kept as written (leading spaces matter), but not blank. */
const Body = () => applyDecorators(IsString(), MaxLength(MESSAGE_BODY_MAX), Matches(/\S/, { message: '$property must not be empty' }));
const Title = () => applyDecorators(Trim(), IsString(), Length(1, CONVERSATION_TITLE_MAX), SingleLine());
const PersonIds = () =>
  applyDecorators(IsArray(), ArrayMinSize(1), ArrayMaxSize(CONVERSATION_PARTICIPANTS_MAX), IsUUID(undefined, { each: true }));
const Seq = () =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(SEQ_MAX),
  );

/** `{kind:'direct', personId}` or `{kind:'group', title, personIds}` (fields of the other kind are refused by the service). */
export class CreateConversationDto {
  @IsIn(CONVERSATION_KINDS)
  kind: ConversationKind;

  @ValidateIf((o: CreateConversationDto) => o.kind === 'direct' || o.personId !== undefined)
  @IsUUID()
  personId?: string;

  @ValidateIf((o: CreateConversationDto) => o.kind === 'group' || o.title !== undefined)
  @Title()
  title?: string;

  @ValidateIf((o: CreateConversationDto) => o.kind === 'group' || o.personIds !== undefined)
  @PersonIds()
  personIds?: string[];
}

export class UpdateConversationDto implements UpdateConversationRequest {
  @Title()
  title: string;
}

export class MuteConversationDto implements MuteConversationRequest {
  @IsBoolean()
  muted: boolean;
}

export class AddParticipantsDto implements AddParticipantsRequest {
  @PersonIds()
  personIds: string[];
}

/** `GET /messaging/contacts?q=`: a name, or its beginning. */
export class ContactQueryDto {
  @Trim()
  @IsString()
  @Length(2, 100)
  @SingleLine()
  q!: string;
}

export class ConversationListQueryDto {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  q?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

export class MessagePageQueryDto {
  /** Catch-up: the messages after this sequence number, oldest first. */
  @IsOptional()
  @Seq()
  afterSeq?: number;

  /** History: the messages before this sequence number (the newest ones without either). */
  @IsOptional()
  @Seq()
  beforeSeq?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MESSAGE_PAGE_MAX)
  limit = MESSAGE_PAGE_DEFAULT;
}

export class SendMessageDto implements SendMessageRequest {
  @IsUUID()
  clientId: string;

  @Body()
  body: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MESSAGE_ATTACHMENTS_MAX)
  @IsUUID(undefined, { each: true })
  attachmentIds?: string[];
}

export class EditMessageDto implements EditMessageRequest {
  @Body()
  body: string;
}

export class MarkReadDto implements MarkReadRequest {
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  seq: number;
}
