import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type PersonalDataProvider, type PersonalDataSection, PersonalDataRegistry } from '../../core/privacy/personal-data.registry';

/** A person's event registrations (with their answers); erasure cancels them and forgets their calendar feed. */
@Injectable()
export class AgendaPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly name = 'agenda';

  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async exportFor(personId: string): Promise<PersonalDataSection> {
    const rows: { title: string; starts_at: Date; status: string; answers: unknown; created_at: Date; checked_in_at: Date | null }[] =
      await this.db.query(
        `SELECT e.title, e.starts_at, r.status, r.answers, r.created_at, r.checked_in_at FROM agenda_registrations r JOIN agenda_events e ON e.id = r.event_id
       WHERE r.person_id = $1 ORDER BY e.starts_at`,
        [personId],
      );
    const registrations = rows.map((r) => ({
      event: r.title,
      startsAt: r.starts_at.toISOString(),
      status: r.status,
      registeredAt: r.created_at.toISOString(),
      checkedInAt: r.checked_in_at?.toISOString() ?? null,
      answers: JSON.stringify(r.answers ?? null),
    }));
    return { json: { registrations }, csv: { inscriptions: registrations } };
  }

  async erase(personId: string, tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM agenda_registrations WHERE person_id = $1', [personId]);
    await tx.query('DELETE FROM agenda_feed_tokens WHERE person_id = $1', [personId]);
  }
}
