import { useState } from 'react';
import { Alert, Avatar, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { NetworkInvitationPreview } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingLines } from '../../../components/QueryContent';
import { initials } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { loginPath } from '../../../lib/safe-next';
import { useSession } from '../../../lib/session';
import { networkKeys, networksApi } from '../api/networks.api';
import { networkPath } from '../../../config/paths/networks';

/** The invited person chooses which of their companies joins. */
function ChooseCompany({ token, preview }: { token: string; preview: NetworkInvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = preview.companies.filter((c) => c.status !== 'active' && c.status !== 'banned');
  const [companyId, setCompanyId] = useState<string | null>(open[0]?.companyId ?? null);
  const accept = useMutation({
    mutationFn: (id: string) => networksApi.acceptInvitation(token, id),
    onSuccess: async (network) => {
      queryClient.setQueryData(networkKeys.detail(network.id), network);
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
      const company = preview.companies.find((c) => c.companyId === companyId)?.name ?? '';
      notify.success(t('networks.join.joined', { company, network: network.name }));
      navigate(networkPath(network));
    },
  });
  if (!preview.companies.length) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>{t('networks.join.noCompany')}</Text>
        <Button component={Link} to="/entreprises#ajouter" variant="light">
          {t('networks.join.addCompany')}
        </Button>
      </Stack>
    );
  }
  if (!open.length) return <Text>{t('networks.acceptInvitation.alreadyMember')}</Text>;
  return (
    <Stack gap="md" align="flex-start">
      <ErrorAlert error={accept.error} />
      <Select
        label={t('networks.join.company')}
        description={t('networks.join.companyHint')}
        data={open.map((c) => ({ value: c.companyId, label: c.name }))}
        value={companyId}
        onChange={setCompanyId}
        allowDeselect={false}
        w="100%"
      />
      <Button loading={accept.isPending} disabled={!companyId} onClick={() => companyId && accept.mutate(companyId)}>
        {t('networks.join.accept')}
      </Button>
    </Stack>
  );
}

/** Opens an invitation (by e-mail or link): what network, then which company accepts. */
export function AcceptNetworkInvitation({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const preview = useQuery({
    // Outside networkKeys.all: accepting refreshes those, and the used token would then answer 400.
    queryKey: ['network-invitation-preview', token, user?.id ?? null],
    queryFn: () => networksApi.previewInvitation(token ?? ''),
    enabled: !!token,
    retry: false,
  });
  if (!token) {
    return (
      <Alert role="alert" color="red" variant="light">
        {t('invitation.missingToken')}
      </Alert>
    );
  }
  if (preview.isPending) return <LoadingLines />;
  if (preview.isError) return <ErrorAlert error={preview.error} />;
  const { network } = preview.data;
  return (
    <Stack gap="lg">
      <Group gap="md" wrap="nowrap">
        <Avatar src={network.logoUrl} alt="" size={56} radius="md" color="indigo" aria-hidden>
          {initials(network.name)}
        </Avatar>
        <Text fw={700} size="lg">
          {t('networks.acceptInvitation.lead', { name: network.name })}
        </Text>
      </Group>
      {preview.data.forYou === false ? (
        <Alert color="orange" variant="light">
          {t('networks.acceptInvitation.notForYou')}
        </Alert>
      ) : null}
      {user ? (
        <ChooseCompany token={token} preview={preview.data} />
      ) : (
        <Button component={Link} to={loginPath(`${location.pathname}${location.search}`)} style={{ alignSelf: 'flex-start' }}>
          {t('networks.join.signIn')}
        </Button>
      )}
    </Stack>
  );
}
