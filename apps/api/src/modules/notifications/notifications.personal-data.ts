import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type PersonalDataProvider, type PersonalDataSection, PersonalDataRegistry } from '../../core/privacy/personal-data.registry';

/**
 * Notification preferences and the notification centre. Erasure deletes the person's notifications and those
 * about what they did (they carry their name in their data), and their preferences.
 */
@Injectable()
export class NotificationsPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly name = 'notifications';

  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async exportFor(personId: string): Promise<PersonalDataSection> {
    const preferences: { type: string; channel: string }[] = await this.db.query(
      'SELECT type, channel FROM notification_preferences WHERE person_id = $1 ORDER BY type',
      [personId],
    );
    const received: { type: string; path: string; created_at: Date; read_at: Date | null }[] = await this.db.query(
      'SELECT type, path, created_at, read_at FROM notifications WHERE recipient_id = $1 ORDER BY created_at',
      [personId],
    );
    const rows = received.map((n) => ({
      type: n.type,
      path: n.path,
      createdAt: n.created_at.toISOString(),
      readAt: n.read_at?.toISOString() ?? null,
    }));
    return { json: { preferences, notifications: rows }, csv: { preferences } };
  }

  async erase(personId: string, tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM notifications WHERE recipient_id = $1 OR actor_id = $1', [personId]);
    await tx.query('DELETE FROM notification_preferences WHERE person_id = $1', [personId]);
    await tx.query('DELETE FROM notification_digests WHERE person_id = $1', [personId]);
  }
}
