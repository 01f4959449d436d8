import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Fixed-window counters for login, sign-up and reset throttling (shared by every API replica). */
@Entity('auth_throttles')
export class AuthThrottle {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  count: number;
}
