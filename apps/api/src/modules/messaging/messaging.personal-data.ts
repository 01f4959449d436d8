import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type PersonalDataProvider, type PersonalDataSection, PersonalDataRegistry } from '../../core/privacy/personal-data.registry';

/**
 * Messages a person sent (only theirs: the other participants' messages are not their data) and their attachments.
 * On erasure the messages stay for the other participants, under "Ancien membre"; blocks are forgotten.
 */
@Injectable()
export class MessagingPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly name = 'messagerie';

  constructor(
    private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async exportFor(personId: string): Promise<PersonalDataSection> {
    const messages: { conversation_id: string; body: string; created_at: Date; edited_at: Date | null }[] = await this.db.query(
      'SELECT conversation_id, body, created_at, edited_at FROM messages WHERE sender_id = $1 AND deleted_at IS NULL ORDER BY created_at',
      [personId],
    );
    const files: { file_id: string; original_name: string }[] = await this.db.query(
      'SELECT a.file_id, f.original_name FROM message_attachments a JOIN files f ON f.id = a.file_id WHERE a.uploader_id = $1 ORDER BY f.created_at',
      [personId],
    );
    const rows = messages.map((m) => ({
      conversation: m.conversation_id,
      body: m.body,
      sentAt: m.created_at.toISOString(),
      editedAt: m.edited_at?.toISOString() ?? null,
    }));
    return {
      json: { messagesSent: rows },
      csv: { messages_envoyes: rows },
      files: files.map((f) => ({ fileId: f.file_id, name: f.original_name })),
    };
  }

  async erase(personId: string, tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM person_blocks WHERE blocker_id = $1 OR blocked_id = $1', [personId]);
  }
}
