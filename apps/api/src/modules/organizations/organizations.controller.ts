import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import type { Organization, StaffMember } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, Public } from '../../core/auth/auth.decorators';
import { AddStaffDto, OrganizationDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Public()
  @Get()
  list(): Promise<Organization[]> {
    return this.organizations.list();
  }

  @Public()
  @Get(':id')
  get(@UuidParam('id', 'Organization') id: string): Promise<Organization> {
    return this.organizations.get(id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: OrganizationDto): Promise<Organization> {
    return this.organizations.create(actor, dto);
  }

  @Put(':id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', 'Organization') id: string, @Body() dto: OrganizationDto): Promise<Organization> {
    return this.organizations.update(actor, id, dto);
  }

  @Put(':id/logo')
  @ApiConsumes('multipart/form-data')
  setLogo(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Organization') id: string,
    @Upload() upload: UploadSource,
  ): Promise<Organization> {
    return this.organizations.setLogo(actor, id, upload);
  }

  @Delete(':id/logo')
  removeLogo(@CurrentActor() actor: Actor, @UuidParam('id', 'Organization') id: string): Promise<Organization> {
    return this.organizations.setLogo(actor, id, null);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('id', 'Organization') id: string): Promise<void> {
    return this.organizations.remove(actor, id);
  }

  @Get(':id/staff')
  staff(@CurrentActor() actor: Actor, @UuidParam('id', 'Organization') id: string): Promise<StaffMember[]> {
    return this.organizations.staff(actor, id);
  }

  @Post(':id/staff')
  addStaff(@CurrentActor() actor: Actor, @UuidParam('id', 'Organization') id: string, @Body() dto: AddStaffDto): Promise<StaffMember[]> {
    return this.organizations.addStaff(actor, id, dto);
  }

  @Delete(':id/staff/:personId')
  @HttpCode(204)
  removeStaff(
    @CurrentActor() actor: Actor,
    @UuidParam('id', 'Organization') id: string,
    @UuidParam('personId', 'Staff member') personId: string,
  ): Promise<void> {
    return this.organizations.removeStaff(actor, id, personId);
  }
}
