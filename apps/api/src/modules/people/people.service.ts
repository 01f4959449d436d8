import { Injectable } from '@nestjs/common';
import { type UploadSource } from '../../core/storage/upload-source';
import { DataSource } from 'typeorm';
import type { PersonProfile } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { FilesService, IMAGE_TYPES } from '../../core/storage/files.service';
import { fileUrl } from '../../core/storage/file-url';
import { CompaniesService } from '../companies/companies.service';
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
    if (!person || person.erasedAt || !this.access.canSeePerson(actor, person)) throw AppException.notFound('Person');
    // The person's privacy settings: who sees the profile, and the e-mail and phone on it.
    const shown = (await this.access.peopleDisclosure(actor, [id], { withDefaults: true })).get(id);
    if (!shown?.profile) throw AppException.notFound('Person');
    return { ...(await this.toProfile(person)), email: shown.email ? person.email : null, phone: shown.phone ? person.phone : null };
  }

  async update(actor: Actor, dto: UpdateProfileDto): Promise<PersonProfile> {
    await this.db.transaction(async (tx) => {
      await tx.update(Person, actor.personId, dto);
      // The expert directory: leaving it is a visibility change, pushed first.
      await this.search.enqueue(tx, 'expert', [actor.personId], { priority: dto.isExpert === false ? 0 : 1 });
    });
    return this.profile(actor, actor.personId);
  }

  async setPhoto(actor: Actor, source: UploadSource): Promise<PersonProfile> {
    const upload = await this.files.receive(source);
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
      titleForm: p.titleForm,
      bio: p.bio,
      skills: p.skills,
      languages: p.languages,
      photoUrl: fileUrl(p.photoFileId),
      isExpert: p.isExpert,
      expertiseDomains: p.expertiseDomains,
      areasServed: p.areasServed,
      companies: companies.map((c) => ({ id: c.id, name: c.name, role: c.role })),
    };
  }

  /** Display names ("First Last") of people, by id (for histories and authors shown by other modules). */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db.query(
      "SELECT id, first_name || ' ' || last_name AS name FROM people WHERE id = ANY($1::uuid[])",
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
