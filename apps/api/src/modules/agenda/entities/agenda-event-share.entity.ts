import { Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from '../../networks/entities/network.entity';
import { AgendaEvent } from './agenda-event.entity';

/** Another network sharing an event (inter-network meetings): its members see it in their agenda. */
@Entity('agenda_event_shares')
export class AgendaEventShare {
  @PrimaryColumn('uuid')
  eventId: string;

  @Index('ix_agenda_event_shares_network')
  @PrimaryColumn('uuid')
  networkId: string;

  @ManyToOne(() => AgendaEvent, { onDelete: 'CASCADE' })
  event?: AgendaEvent;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;
}
