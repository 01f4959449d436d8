import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { SEARCH_KINDS, type PlatformRole, type ReindexRequest, type SearchKind, type UpdateUserRoleRequest } from '@maillage/contracts';

export class UpdateUserRoleDto implements UpdateUserRoleRequest {
  @IsIn(['admin', 'user'])
  platformRole: PlatformRole;
}

/** POST /admin/search/reindex: every kind, or only these. */
export class ReindexDto implements ReindexRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SEARCH_KINDS.length)
  @ArrayUnique()
  @IsIn(SEARCH_KINDS, { each: true })
  kinds?: SearchKind[];
}
