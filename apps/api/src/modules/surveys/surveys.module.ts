import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies/companies.module';
import { NetworksModule } from '../networks/networks.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PeopleModule } from '../people/people.module';
import { SurveyNetwork } from './entities/survey-network.entity';
import { SurveyQuestion } from './entities/survey-question.entity';
import { SurveyRecipient } from './entities/survey-recipient.entity';
import { SurveyResponse } from './entities/survey-response.entity';
import { Survey } from './entities/survey.entity';
import { SurveysExportService } from './surveys-export.service';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

/** Questionnaires sent to networks' members or a territory's companies (README.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature([Survey, SurveyNetwork, SurveyQuestion, SurveyRecipient, SurveyResponse]),
    NotificationsModule,
    NetworksModule,
    CompaniesModule,
    PeopleModule,
    OrganizationsModule,
  ],
  controllers: [SurveysController],
  providers: [SurveysService, SurveysExportService],
  exports: [SurveysService],
})
export class SurveysModule {}
