import { Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from '../../networks/entities/network.entity';
import { Survey } from './survey.entity';

/** The networks whose members a network survey asks. */
@Entity('survey_networks')
@Index('ix_survey_networks_network', ['networkId'])
export class SurveyNetwork {
  @PrimaryColumn({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  survey?: Survey;

  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  network?: Network;
}
