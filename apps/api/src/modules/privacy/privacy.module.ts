import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataRegistry } from '../../core/privacy/personal-data.registry';
import { IdentityModule } from '../identity/identity.module';
import { AccountErasureService } from './account-erasure.service';
import { DataExportsService } from './data-exports.service';
import { AdminAuditEntry } from './entities/admin-audit-entry.entity';
import { Consent } from './entities/consent.entity';
import { DataExport } from './entities/data-export.entity';
import { LegalDocument } from './entities/legal-document.entity';
import { PrivacySettingsRow } from './entities/privacy-settings.entity';
import { RetentionSettingsRow } from './entities/retention-settings.entity';
import { PrivacyAdminService } from './privacy-admin.service';
import { PrivacyAuditService } from './privacy-audit.service';
import { PrivacyAdminController, PrivacyController } from './privacy.controller';
import { PrivacyPersonalData } from './privacy.personal-data';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([LegalDocument, Consent, PrivacySettingsRow, DataExport, AdminAuditEntry, RetentionSettingsRow]),
    IdentityModule,
  ],
  controllers: [PrivacyController, PrivacyAdminController],
  providers: [PrivacyService, PrivacyAuditService, DataExportsService, AccountErasureService, PrivacyAdminService, PrivacyPersonalData],
  exports: [PrivacyService, DataExportsService, AccountErasureService, PrivacyAdminService],
})
export class PrivacyModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly privacy: PrivacyService,
    private readonly own: PrivacyPersonalData,
  ) {}

  onModuleInit() {
    this.registry.register(this.own);
    this.registry.onSignup((tx, personId, consents) => this.privacy.recordAtSignup(tx, personId, consents));
    this.registry.setConsentCheck((personId) => this.privacy.consentRequired(personId));
  }
}
