import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { PersonProfile } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FilesService, IMAGE_TYPES } from '../../core/storage/files.service';
import { CompaniesService, fileUrl } from '../companies/companies.service';
import { Person } from '../identity/entities/person.entity';
import type { UpdateProfileDto } from './dto/profile.dto';

@Injectable()
export class PeopleService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly files: FilesService,
    private readonly companies: CompaniesService,
    private readonly search: SearchIndexer,
  ) {}

  async profile(actor: MaybeActor, id: string): Promise<PersonProfile> {
    const person = await this.db.manager.findOneBy(Person, { id });
    if (!person || !this.access.canSeePerson(actor, person)) throw AppException.notFound('Person');
    return this.toProfile(person);
  }

  async update(actor: Actor, dto: UpdateProfileDto): Promise<PersonProfile> {
    await this.db.transaction(async (tx) => {
      await tx.update(Person, actor.personId, dto);
      // The expert directory: leaving it is a visibility change, pushed first.
      await this.search.enqueue(tx, 'expert', [actor.personId], { priority: dto.isExpert === false ? 0 : 1 });
    });
    return this.profile(actor, actor.personId);
  }

  async setPhoto(actor: Actor, req: FastifyRequest): Promise<PersonProfile> {
    const upload = await this.files.receive(req);
    const file = await this.files.store(upload, { allowedTypes: IMAGE_TYPES, isPublic: true, uploadedById: actor.personId });
    return this.replacePhoto(actor, file.id);
  }

  removePhoto(actor: Actor): Promise<PersonProfile> {
    return this.replacePhoto(actor, null);
  }

  private async replacePhoto(actor: Actor, fileId: string | null): Promise<PersonProfile> {
    const previous = await this.db.transaction(async (tx) => {
      const before = (await tx.findOneOrFail(Person, { where: { id: actor.personId }, lock: { mode: 'pessimistic_write' } })).photoFileId;
      await tx.update(Person, actor.personId, { photoFileId: fileId });
      await this.search.enqueue(tx, 'expert', [actor.personId]);
      return before;
    });
    await this.files.remove(previous);
    return this.profile(actor, actor.personId);
  }

  private async toProfile(p: Person): Promise<PersonProfile> {
    const companies = await this.companies.companiesOf(p.id);
    return {
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      jobTitle: p.jobTitle,
      bio: p.bio,
      skills: p.skills,
      languages: p.languages,
      photoUrl: fileUrl(p.photoFileId),
      isExpert: p.isExpert,
      expertiseDomains: p.expertiseDomains,
      areasServed: p.areasServed,
      companies: companies.map((c) => ({ id: c.id, name: c.name, role: c.role! })),
    };
  }
}
