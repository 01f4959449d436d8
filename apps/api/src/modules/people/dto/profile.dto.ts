import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { LOCALES, type Locale, type UpdateProfileRequest } from '@maillage/contracts';
import { Trim, TrimList, TrimToNull } from '../../../core/http/transforms';

const Nullable = () => ValidateIf((_, v) => v !== null);
const Tags = () => (target: object, key: string) => {
  TrimList()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(30)(target, key);
  IsString({ each: true })(target, key);
  Length(1, 60, { each: true })(target, key);
};

export class UpdateProfileDto implements UpdateProfileRequest {
  @IsOptional() @Trim() @IsString() @Length(1, 100)
  firstName?: string;

  @IsOptional() @Trim() @IsString() @Length(1, 100)
  lastName?: string;

  @IsOptional() @TrimToNull() @Nullable() @IsString() @Length(1, 150)
  jobTitle?: string | null;

  @IsOptional() @TrimToNull() @Nullable() @IsString() @MaxLength(2000)
  bio?: string | null;

  @IsOptional() @Tags()
  skills?: string[];

  @IsOptional() @Tags()
  languages?: string[];

  @IsOptional() @IsIn(LOCALES)
  locale?: Locale;

  @IsOptional() @IsBoolean()
  isExpert?: boolean;

  @IsOptional() @Tags()
  expertiseDomains?: string[];

  @IsOptional() @Tags()
  areasServed?: string[];
}
