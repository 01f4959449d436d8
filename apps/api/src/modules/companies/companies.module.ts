import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { CompanyClaimsService } from './company-claims.service';
import { CompanyClaim } from './entities/company-claim.entity';
import { CompanyInvitation } from './entities/company-invitation.entity';
import { CompanyMember } from './entities/company-member.entity';
import { Company } from './entities/company.entity';
import { CompaniesPersonalData } from './companies.personal-data';
import { CompanyDepartureService } from './company-departure.service';

@Module({
  imports: [TypeOrmModule.forFeature([Company, CompanyMember, CompanyInvitation, CompanyClaim]), IdentityModule, NotificationsModule],
  controllers: [CompaniesController],
  providers: [CompaniesPersonalData, CompanyDepartureService, CompaniesService, CompanyClaimsService],
  exports: [CompaniesService],
})
export class CompaniesModule {}
