import { Column, Entity, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NetworkNotificationLevel } from '@maillage/contracts';
import { Person } from '../../identity/entities/person.entity';
import { Network } from '../../networks/entities/network.entity';

/** A person's level for the news of one network (absent: DEFAULT_NETWORK_NOTIFICATION_LEVEL). */
@Entity('network_notification_levels')
export class NetworkNotificationLevelChoice {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  @Column({ type: 'varchar', length: 16 })
  level: NetworkNotificationLevel;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
