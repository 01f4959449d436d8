import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  NETWORK_NOTIFICATION_LEVELS,
  NOTIFICATION_CHANNELS,
  type NetworkNotificationLevel,
  NOTIFICATION_TYPES,
  type MarkNotificationsReadRequest,
  type NotificationChannel,
  type NotificationType,
  type UpdateNotificationPreferencesRequest,
} from '@maillage/contracts';
import { ListQueryDto } from '../../../core/http/query.dto';

/** `?unread=true&page=&pageSize=` (the `q` of ListQueryDto is not used). */
export class NotificationListQueryDto extends ListQueryDto {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class MarkReadDto implements MarkNotificationsReadRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  ids: string[];
}

export class PreferenceDto {
  @IsIn(NOTIFICATION_TYPES)
  type: NotificationType;

  @IsIn(NOTIFICATION_CHANNELS)
  channel: NotificationChannel;
}

export class UpdatePreferencesDto implements UpdateNotificationPreferencesRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  preferences: PreferenceDto[];
}

export class UnsubscribeQueryDto {
  @IsString()
  @Length(1, 512)
  token: string;
}

export class NetworkNotificationLevelDto {
  @IsIn(NETWORK_NOTIFICATION_LEVELS)
  level: NetworkNotificationLevel;
}
