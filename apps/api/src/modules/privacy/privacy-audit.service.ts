import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AdminAuditEntry as AdminAuditEntryView, Page } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';

/** The audit log of admin actions on accounts and personal data, written in the action's transaction. */
@Injectable()
export class PrivacyAuditService {
  constructor(private readonly db: DataSource) {}

  async record(
    tx: EntityManager,
    actor: Actor,
    action: string,
    targetPersonId: string | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await tx.query('INSERT INTO admin_audit_entries (actor_id, action, target_person_id, details) VALUES ($1, $2, $3, $4::jsonb)', [
      actor.personId,
      action,
      targetPersonId,
      JSON.stringify(details),
    ]);
  }

  async list(page: number, pageSize: number): Promise<Page<AdminAuditEntryView>> {
    const rows: {
      id: string;
      action: string;
      actor_id: string | null;
      actor_name: string | null;
      target_person_id: string | null;
      details: Record<string, unknown>;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT e.id, e.action, e.actor_id, trim(p.first_name || ' ' || p.last_name) AS actor_name, e.target_person_id, e.details, e.created_at
         FROM admin_audit_entries e LEFT JOIN people p ON p.id = e.actor_id ORDER BY e.created_at DESC, e.id LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    const [{ total }] = (await this.db.query('SELECT count(*)::int AS total FROM admin_audit_entries')) as { total: number }[];
    return {
      items: rows.map((r) => ({
        id: r.id,
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
        targetPersonId: r.target_person_id,
        details: r.details,
        createdAt: r.created_at.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }
}
