import { PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import {
  MODERATION_REASON_MAX_LENGTH,
  REPORT_COMMENT_MAX_LENGTH,
  REPORT_REASONS,
  REPORT_TARGET_KINDS,
  type CreateReportRequest,
  type ModerationDecisionRequest,
  type ReportReason,
  type ReportTargetKind,
  type WarnMemberRequest,
} from '@maillage/contracts';
import { ListQueryDto } from '../../../core/http/query.dto';
import { Trim, TrimToNull } from '../../../core/http/transforms';

const Nullable = () => ValidateIf((_, v) => v !== null);

export class CreateReportDto implements CreateReportRequest {
  @IsIn(REPORT_TARGET_KINDS)
  targetKind: ReportTargetKind;

  @IsUUID()
  targetId: string;

  @IsIn(REPORT_REASONS)
  reason: ReportReason;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(REPORT_COMMENT_MAX_LENGTH)
  comment?: string;
}

export class DecisionDto implements ModerationDecisionRequest {
  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(MODERATION_REASON_MAX_LENGTH)
  note?: string;
}

export class WarnDto implements WarnMemberRequest {
  @IsUUID()
  companyId: string;

  @IsOptional()
  @IsUUID()
  personId?: string;

  @Trim()
  @IsString()
  @Length(3, MODERATION_REASON_MAX_LENGTH)
  reason: string;
}

/** `?page=…&pageSize=…` of the queue and the log. */
export class ModerationPageQueryDto extends PickType(ListQueryDto, ['page', 'pageSize'] as const) {}
