import { Body, Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { PersonProfile } from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { UpdateProfileDto } from './dto/profile.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<PersonProfile> {
    return this.people.profile(actor, actor.personId);
  }

  @Patch('me')
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<PersonProfile> {
    return this.people.update(actor, dto);
  }

  @Post('me/photo')
  @ApiConsumes('multipart/form-data')
  setPhoto(@CurrentActor() actor: Actor, @Upload() upload: UploadSource): Promise<PersonProfile> {
    return this.people.setPhoto(actor, upload);
  }

  @Delete('me/photo')
  removePhoto(@CurrentActor() actor: Actor): Promise<PersonProfile> {
    return this.people.removePhoto(actor);
  }

  @Public()
  @Get(':id')
  get(@OptionalActor() actor: MaybeActor, @UuidParam('id', 'Person') id: string): Promise<PersonProfile> {
    return this.people.profile(actor, id);
  }
}
