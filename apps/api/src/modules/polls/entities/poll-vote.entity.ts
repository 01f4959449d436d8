import { CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';
import { PollOption } from './poll-option.entity';
import { Poll } from './poll.entity';

/** A person's choice of one option (several rows for a multiple choice poll); a new vote replaces them all. */
@Entity('poll_votes')
@Index('ix_poll_votes_option', ['optionId'])
export class PollVote {
  @PrimaryColumn({ type: 'uuid' })
  pollId: string;

  @ManyToOne(() => Poll, { onDelete: 'CASCADE' })
  poll?: Poll;

  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  person?: Person;

  @PrimaryColumn({ type: 'uuid' })
  optionId: string;

  @ManyToOne(() => PollOption, { onDelete: 'CASCADE' })
  option?: PollOption;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
