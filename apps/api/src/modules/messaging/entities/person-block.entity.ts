import { CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '../../identity/entities/person.entity';

/** `blocker` blocked `blocked`: the blocked person can no longer write to the blocker. */
@Entity('person_blocks')
export class PersonBlock {
  @PrimaryColumn({ type: 'uuid' })
  blockerId: string;

  @Index('ix_person_blocks_blocked')
  @PrimaryColumn({ type: 'uuid' })
  blockedId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  blocker?: Person;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  blocked?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
