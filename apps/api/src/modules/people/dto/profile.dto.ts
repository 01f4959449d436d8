import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { LOCALES, TITLE_FORMS, type Locale, type TitleForm, type UpdateProfileRequest } from '@maillage/contracts';
import { Trim, TrimList, TrimToNull } from '../../../core/http/transforms';
import { SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);
const Tags = () => (target: object, key: string) => {
  TrimList()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(30)(target, key);
  IsString({ each: true })(target, key);
  Length(1, 60, { each: true })(target, key);
  SingleLine()(target, key);
};

export class UpdateProfileDto implements UpdateProfileRequest {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  @SingleLine()
  firstName?: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  @SingleLine()
  lastName?: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @Length(1, 150)
  @SingleLine()
  jobTitle?: string | null;

  @IsOptional()
  @Nullable()
  @IsIn(TITLE_FORMS)
  titleForm?: TitleForm | null;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  bio?: string | null;

  @IsOptional()
  @Tags()
  skills?: string[];

  @IsOptional()
  @Tags()
  languages?: string[];

  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @IsOptional()
  @IsBoolean()
  isExpert?: boolean;

  @IsOptional()
  @Tags()
  expertiseDomains?: string[];

  @IsOptional()
  @Tags()
  areasServed?: string[];

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @Matches(/^\+?[0-9 .()-]{6,30}$/, { message: 'must be a phone number' })
  phone?: string | null;
}
