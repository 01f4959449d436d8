import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  CONTACT_VISIBILITIES,
  PROFILE_VISIBILITIES,
  PASSWORD_MAX_LENGTH,
  type AcceptConsentsRequest,
  type AdminDeleteUserRequest,
  type ContactVisibility,
  type DeleteAccountRequest,
  type ProfileVisibility,
  type PublishLegalDocumentRequest,
  type RetentionSettings,
  type UpdatePrivacySettingsRequest,
} from '@maillage/contracts';

export class UpdatePrivacySettingsDto implements UpdatePrivacySettingsRequest {
  @IsOptional()
  @IsIn(PROFILE_VISIBILITIES)
  profileVisibility?: ProfileVisibility;

  @IsOptional()
  @IsIn(CONTACT_VISIBILITIES)
  emailVisibility?: ContactVisibility;

  @IsOptional()
  @IsIn(CONTACT_VISIBILITIES)
  phoneVisibility?: ContactVisibility;

  @IsOptional()
  @IsBoolean()
  inContactsSearch?: boolean;

  @IsOptional()
  @IsBoolean()
  inPublicMemberLists?: boolean;
}

export class AcceptConsentsDto implements AcceptConsentsRequest {
  @IsInt()
  @Min(1)
  terms: number;

  @IsInt()
  @Min(1)
  privacy: number;
}

export class PublishLegalDocumentDto implements PublishLegalDocumentRequest {
  @IsString()
  @Length(1, 100_000)
  body: string;
}

export class DeleteAccountDto implements DeleteAccountRequest {
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;

  @IsOptional()
  @IsBoolean()
  deleteForumPosts?: boolean;
}

export class AdminDeleteUserDto implements AdminDeleteUserRequest {
  @IsOptional()
  @IsBoolean()
  deleteForumPosts?: boolean;
}

export class RetentionSettingsDto implements RetentionSettings {
  @IsInt()
  @Min(1)
  @Max(3650)
  outboxDays: number;

  @IsInt()
  @Min(1)
  @Max(3650)
  endedSessionsDays: number;
}
