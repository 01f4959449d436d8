import { IsIn } from 'class-validator';
import type { PlatformRole, UpdateUserRoleRequest } from '@maillage/contracts';

export class UpdateUserRoleDto implements UpdateUserRoleRequest {
  @IsIn(['admin', 'user'])
  platformRole: PlatformRole;
}
