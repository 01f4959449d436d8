import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OFFER_KINDS, type CompanyOfferInput, type OfferKind } from '@maillage/contracts';
import { findDepartement, findRegion } from '@maillage/referentials';
import { Trim, TrimList, TrimToNull } from '../../../core/http/transforms';
import { IsCommuneCode, IsNafCode, SingleLine } from '../../../core/http/validators';
import { registerDecorator } from 'class-validator';

const Nullable = () => ValidateIf((_, v) => v !== null);

function Codes(max: number, name: string, message: string, test: (s: string) => boolean) {
  return (object: object, propertyName: string) => {
    TrimList()(object, propertyName);
    IsArray()(object, propertyName);
    ArrayMaxSize(max)(object, propertyName);
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message: `each value ${message}` },
      validator: { validate: (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && test(s)) },
    });
  };
}

export class TerritoryDto {
  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(50)
  @IsCommuneCode({ each: true })
  communes?: string[];

  @IsOptional()
  @Codes(101, 'isDepartement', 'must be a département code', (s) => findDepartement(s) !== null)
  departements?: string[];

  @IsOptional()
  @Codes(18, 'isRegion', 'must be a région code', (s) => findRegion(s) !== null)
  regions?: string[];
}

/** An offer ("je propose") or a need ("je cherche") of a company. */
export class CompanyOfferDto implements CompanyOfferInput {
  @IsIn(OFFER_KINDS)
  kind: OfferKind;

  @Trim()
  @IsString()
  @Length(1, 200)
  @SingleLine()
  label: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(10)
  @IsNafCode({ each: true })
  nafCodes?: string[];

  @IsOptional()
  @TrimList()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  @SingleLine()
  skills?: string[];

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TerritoryDto)
  territory?: TerritoryDto;
}
