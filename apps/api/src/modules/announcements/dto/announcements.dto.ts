import { IsBoolean, IsDateString, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { SingleLine } from '../../../core/http/validators';

export const ANNOUNCEMENT_TITLE_MAX = 150;
export const ANNOUNCEMENT_BODY_MAX = 20_000;

export class AnnouncementDto {
  /** One line: it becomes an e-mail subject (CR/LF would inject headers). */
  @IsString()
  @Length(1, ANNOUNCEMENT_TITLE_MAX)
  @SingleLine()
  title: string;

  @IsString()
  @Length(1, ANNOUNCEMENT_BODY_MAX)
  body: string;

  @IsOptional()
  @IsBoolean()
  pinned?: boolean;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDateString({ strict: true })
  pinnedUntil?: string | null;
}
