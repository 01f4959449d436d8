import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from '../../networks/entities/network.entity';

/** A network's agenda settings (absent row: the defaults). */
@Entity('agenda_settings')
export class AgendaSettings {
  @PrimaryColumn('uuid')
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;

  /** Members may propose events, published once a manager approves them. */
  @Column({ type: 'boolean', default: false })
  memberProposals: boolean;
}
