import { CreateDateColumn, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import type { LegalDocumentKind } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';

/** A person accepted a version of a legal text, on that date. */
@Entity('consents')
export class Consent {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: LegalDocumentKind;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  acceptedAt: Date;
}
