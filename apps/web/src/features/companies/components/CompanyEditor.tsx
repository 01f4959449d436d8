import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company } from '@maillage/contracts';
import { ImageDropzone } from '../../../components/ImageDropzone';
import { SectionCard } from '../../../components/SectionCard';
import { initials } from '../../../lib/format';
import { companiesApi } from '../api/companies.api';
import { useCompanyMutation } from '../hooks/useCompanies';
import { CompanyForm } from './CompanyForm';
import { companyName } from './CompanyProfile';
import { ClaimsManager } from './ClaimsManager';
import { InvitationsManager } from './InvitationsManager';
import { MembersManager } from './MembersManager';

/** The company's edit mode (loaded on demand): requests to join, details, logo, people and invitations. */
export default function CompanyEditor({ company, onDone }: { company: Company; onDone: () => void }) {
  const { t } = useTranslation();
  const uploadLogo = useCompanyMutation((file: File) => companiesApi.uploadLogo(company.id, file));
  const removeLogo = useCompanyMutation(() => companiesApi.removeLogo(company.id));
  const uploadCover = useCompanyMutation((file: File) => companiesApi.uploadCover(company.id, file));
  const removeCover = useCompanyMutation(() => companiesApi.removeCover(company.id));
  const name = companyName(company);
  return (
    <Stack gap="lg">
      <SectionCard id="edit-claims" title={t('companies.claims.title')} intro={t('companies.claims.intro')}>
        <ClaimsManager companyId={company.id} />
      </SectionCard>
      <SectionCard id="edit-details" title={t('companies.sections.identity')}>
        <CompanyForm company={company} onDone={onDone} />
      </SectionCard>
      <SectionCard id="edit-logo" title={t('companies.logo')}>
        <ImageDropzone
          label={t('companies.logo')}
          imageUrl={company.logoUrl}
          fallback={initials(name)}
          chooseLabel={t('companies.chooseLogo')}
          removeLabel={t('companies.removeLogo')}
          onUpload={(file) => uploadLogo.mutateAsync(file)}
          onRemove={() => removeLogo.mutateAsync(undefined)}
        />
      </SectionCard>
      <SectionCard id="edit-cover" title={t('companies.cover')} intro={t('companies.coverHint')}>
        <ImageDropzone
          label={t('companies.cover')}
          imageUrl={company.coverUrl}
          fallback={initials(name)}
          chooseLabel={t('companies.chooseCover')}
          removeLabel={t('companies.removeCover')}
          onUpload={(file) => uploadCover.mutateAsync(file)}
          onRemove={() => removeCover.mutateAsync(undefined)}
        />
      </SectionCard>
      <SectionCard id="edit-people" title={t('companies.sections.people')} intro={t('companies.members.intro')}>
        <MembersManager companyId={company.id} companyName={name} />
      </SectionCard>
      <SectionCard id="edit-invitations" title={t('companies.sections.invitations')} intro={t('companies.invitations.intro')}>
        <InvitationsManager companyId={company.id} />
      </SectionCard>
    </Stack>
  );
}
