import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { OrganizationBranding } from '../../../features/steering/components/OrganizationBranding';
import { organizationBrandingAccess } from '../../../features/steering/hooks/access';
import { useSession } from '../../../lib/session';
import NotFoundPage from '../NotFoundPage';

/** A host organisation's identity, set by its own admins (read-only for its other staff, not found for anybody else). */
export default function OrganizationBrandingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const access = organizationBrandingAccess(user, id);
  if (access === 'none') return <NotFoundPage />;
  const name = user?.staffOf.find((s) => s.organizationId === id)?.organizationName;
  return (
    <Page title={name ?? t('organizationBranding.title')} description={t('organizationBranding.lead')} size="md">
      <OrganizationBranding
        organizationId={id}
        editable={access === 'edit'}
        structureEditable={user?.platformRole === 'admin'}
        notFound={<NotFoundPage />}
      />
    </Page>
  );
}
