import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from './transforms';
import { SingleLine } from './validators';

/** `?q=…&page=…&pageSize=…` shared by list endpoints. */
export class ListQueryDto {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
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
