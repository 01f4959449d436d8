import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Poll } from './poll.entity';

/** One choice of a poll, in its order. */
@Entity('poll_options')
@Index('ix_poll_options_poll', ['pollId', 'position'])
export class PollOption {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'CASCADE' })
  poll?: Poll;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  label: string;
}
