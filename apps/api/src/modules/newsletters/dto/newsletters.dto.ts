import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { NEWSLETTER_BLOCKS_MAX, NEWSLETTER_SUBJECT_MAX, type NewsletterPlatformKind } from '@maillage/contracts';

/** A subject is one line: CR, LF and tabs would let a subject inject mail headers or break them. */
const SINGLE_LINE = /^[^\r\n\t]*\S[^\r\n\t]*$/;

export class NewsletterDraftDto {
  @IsString()
  @Length(1, NEWSLETTER_SUBJECT_MAX)
  @Matches(SINGLE_LINE, { message: 'subject must be a single line of text' })
  subject: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  networkIds: string[];

  /** Checked by the service (a union of block shapes). */
  @IsArray()
  @ArrayMaxSize(NEWSLETTER_BLOCKS_MAX)
  blocks: unknown[];

  @IsOptional()
  @IsObject()
  audience?: Record<string, unknown>;
}

export class NewsletterSendDto {
  @IsOptional()
  @IsDateString({ strict: true })
  scheduledAt?: string | null;
}

export class NewsletterSuggestDto {
  @IsIn(['events', 'topics', 'documents', 'members', 'opportunities'])
  kind: NewsletterPlatformKind;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  networkIds: string[];
}

export class NewsletterTokenDto {
  @IsString()
  @Length(10, 200)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  token: string;
}
