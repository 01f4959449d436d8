import { Anchor, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Newsletter } from '@maillage/contracts';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { networkPath } from '../../../config/paths/networks';
import { newsletterKeys, newslettersApi, newsletterPath } from '../../../features/newsletters/api/newsletters.api';
import { NewsletterComposer } from '../../../features/newsletters/components/NewsletterComposer';
import { NewsletterView } from '../../../features/newsletters/components/NewsletterView';
import { isApiError } from '../../../lib/api';
import NotFoundPage from '../NotFoundPage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Back({ newsletter }: { newsletter: Pick<Newsletter, 'networks'> }) {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      {newsletter.networks.map((n) => (
        <Anchor key={n.id} component={Link} to={`${networkPath(n)}/lettres`} size="sm">
          {t('newsletters.backTo', { network: n.name })}
        </Anchor>
      ))}
    </Group>
  );
}

/** A new newsletter (`/lettres/nouvelle?reseau=…`). */
export function NewNewsletterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <Page title={t('newsletters.new')} size="lg">
      <NewsletterComposer
        newsletter={null}
        initialNetworkId={params.get('reseau') ?? undefined}
        onCreated={(saved, openPreview) => void navigate(newsletterPath(saved.id), { replace: true, state: { openPreview } })}
      />
    </Page>
  );
}

/** A newsletter: its composer while a draft its managers edit, else its state, figures and web version. */
export default function NewsletterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const newsletter = useQuery({ queryKey: newsletterKeys.one(id), queryFn: () => newslettersApi.get(id), enabled: UUID.test(id) });
  if (!UUID.test(id) || isApiError(newsletter.error, 404)) return <NotFoundPage />;
  return (
    <Page title={newsletter.data?.subject ?? t('newsletters.title')} size="lg">
      <QueryContent query={newsletter} loading={<LoadingLines lines={8} />}>
        {(loaded) => (
          <Stack gap="md">
            <Back newsletter={loaded} />
            {loaded.canManage && loaded.status === 'draft' ? (
              <NewsletterComposer key={loaded.id} newsletter={loaded} onCreated={() => undefined} />
            ) : (
              <NewsletterView newsletter={loaded} />
            )}
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
}
