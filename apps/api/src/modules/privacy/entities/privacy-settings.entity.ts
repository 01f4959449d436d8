import { Column, Entity, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ContactVisibility, ProfileVisibility } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';

/** A person's privacy choices; no row means the defaults (read by AccessPolicy.peopleDisclosure). */
@Entity('privacy_settings')
export class PrivacySettingsRow {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @Column({ type: 'varchar', length: 16, default: 'everyone' })
  profileVisibility: ProfileVisibility;

  @Column({ type: 'varchar', length: 16, default: 'networks' })
  emailVisibility: ContactVisibility;

  @Column({ type: 'varchar', length: 16, default: 'networks' })
  phoneVisibility: ContactVisibility;

  @Column({ type: 'boolean', default: true })
  inContactsSearch: boolean;

  @Column({ type: 'boolean', default: true })
  inPublicMemberLists: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
