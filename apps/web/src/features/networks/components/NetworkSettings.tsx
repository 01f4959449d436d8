import { Anchor, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Network } from '@maillage/contracts';
import { ImageDropzone } from '../../../components/ImageDropzone';
import { SectionCard } from '../../../components/SectionCard';
import { initials } from '../../../lib/format';
import { networkKeys, networksApi } from '../api/networks.api';
import { NetworkForm } from './NetworkForm';
import { NetworkInvitations } from './NetworkInvitations';

/** The managers' tab: logo, cover, details (the creation form), invitations and the members' export. */
export default function NetworkSettings({ network, onDone }: { network: Network; onDone: (network: Network) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = async (updated: Network) => {
    queryClient.setQueryData(networkKeys.detail(network.id), updated);
    await queryClient.invalidateQueries({ queryKey: networkKeys.all });
  };
  return (
    <Stack gap="lg">
      <SectionCard id="network-logo" title={t('networks.settings.logo')}>
        <ImageDropzone
          label={t('networks.logoOf', { name: network.name })}
          imageUrl={network.logoUrl}
          fallback={initials(network.name)}
          chooseLabel={t('networks.settings.chooseLogo')}
          removeLabel={t('networks.settings.removeLogo')}
          onUpload={(file) => networksApi.uploadLogo(network.id, file).then(saved)}
          onRemove={() => networksApi.removeLogo(network.id).then(saved)}
        />
      </SectionCard>
      <SectionCard id="network-cover" title={t('networks.settings.cover')} intro={t('networks.settings.coverHint')}>
        <ImageDropzone
          label={t('networks.coverOf', { name: network.name })}
          imageUrl={network.coverUrl}
          fallback={initials(network.name)}
          chooseLabel={t('networks.settings.chooseCover')}
          removeLabel={t('networks.settings.removeCover')}
          onUpload={(file) => networksApi.uploadCover(network.id, file).then(saved)}
          onRemove={() => networksApi.removeCover(network.id).then(saved)}
        />
      </SectionCard>
      <SectionCard id="network-edit" title={t('networks.settings.details')}>
        <NetworkForm network={network} onSaved={onDone} onCancel={() => onDone(network)} />
      </SectionCard>
      <SectionCard id="network-invitations" title={t('networks.invitations.title')} intro={t('networks.invitations.intro')}>
        <NetworkInvitations networkId={network.id} />
      </SectionCard>
      <SectionCard id="network-export" title={t('networks.settings.export')}>
        <Anchor href={networksApi.membersCsvUrl(network.id)} download>
          <IconDownload size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 6 }} />
          {t('networks.settings.exportCsv')}
        </Anchor>
      </SectionCard>
    </Stack>
  );
}
