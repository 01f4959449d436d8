import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OFFER_KINDS, type CompanyOffer, type OfferKind } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Dialog } from '../../../components/Dialog';
import { PageLoader } from '../../../components/PageLoader';
import { QueryContent } from '../../../components/QueryContent';
import { notify } from '../../../lib/notify';
import { companiesApi } from '../api/companies.api';
import { useCompanyOffers, useRefreshOffers } from '../hooks/useCompanies';
import { OfferTags } from './OfferTags';

// Only editors download the form (NAF and commune pickers, tags).
const OfferForm = lazy(() => import('./OfferForm'));

type Editing = { kind: OfferKind; offer: CompanyOffer | null } | null;

function OfferItem({
  offer,
  canEdit,
  onEdit,
  onDelete,
}: {
  offer: CompanyOffer;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={4} size="h5" style={{ overflowWrap: 'anywhere', flex: '1 1 14rem', minWidth: 0 }}>
            {offer.label}
          </Title>
          {canEdit ? (
            <Group gap={4} wrap="nowrap">
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={onEdit}
                aria-label={t('offers.editOf', { label: offer.label })}
              >
                {t('common.edit')}
              </Button>
              <ConfirmButton
                size="compact-sm"
                variant="subtle"
                color="red"
                aria-label={t('offers.deleteOf', { label: offer.label })}
                title={t('offers.deleteTitle')}
                message={t('offers.deleteText', { label: offer.label })}
                confirmLabel={t('common.delete')}
                onConfirm={onDelete}
              >
                {t('common.delete')}
              </ConfirmButton>
            </Group>
          ) : null}
        </Group>
        {offer.description ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {offer.description}
          </Text>
        ) : null}
        <OfferTags offer={offer} />
      </Stack>
    </Paper>
  );
}

/** "Offres et besoins": what the company proposes and looks for; its editors manage them here. */
export function CompanyOffers({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const offers = useCompanyOffers(companyId);
  const refresh = useRefreshOffers(companyId);
  const [editing, setEditing] = useState<Editing>(null);

  const remove = async (offer: CompanyOffer) => {
    await companiesApi.deleteOffer(companyId, offer.id);
    await refresh();
    notify.success(t('offers.deleted', { label: offer.label }));
  };

  return (
    <QueryContent query={offers}>
      {(list) => (
        <Stack gap="lg">
          {OFFER_KINDS.map((kind) => {
            const items = list.filter((o) => o.kind === kind);
            const headingId = `offres-${kind}`;
            return (
              <Stack key={kind} gap="sm" component="section" aria-labelledby={headingId}>
                <Group justify="space-between" gap="sm">
                  <Title order={3} size="h5" id={headingId}>
                    {t(`offers.kinds.${kind}`)}{' '}
                    <Badge variant="light" color={kind === 'offer' ? 'blue' : 'orange'} size="sm">
                      {items.length}
                    </Badge>
                  </Title>
                  {canEdit ? (
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() => setEditing({ kind, offer: null })}
                    >
                      {t(`offers.add.${kind}`)}
                    </Button>
                  ) : null}
                </Group>
                {items.length ? (
                  <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {items.map((offer) => (
                      <OfferItem
                        key={offer.id}
                        offer={offer}
                        canEdit={canEdit}
                        onEdit={() => setEditing({ kind, offer })}
                        onDelete={() => remove(offer)}
                      />
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t(`offers.none.${kind}`)}
                  </Text>
                )}
              </Stack>
            );
          })}
          <Dialog
            opened={editing !== null}
            onClose={() => setEditing(null)}
            size="lg"
            title={editing?.offer ? t('offers.editTitle') : editing ? t(`offers.add.${editing.kind}`) : ''}
          >
            {editing ? (
              <Suspense fallback={<PageLoader />}>
                <OfferForm companyId={companyId} kind={editing.kind} offer={editing.offer} onDone={() => setEditing(null)} />
              </Suspense>
            ) : null}
          </Dialog>
        </Stack>
      )}
    </QueryContent>
  );
}
