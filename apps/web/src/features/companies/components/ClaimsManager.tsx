import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CompanyClaim } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryContent } from '../../../components/QueryContent';
import { formatDate } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import { companiesApi, companyKeys } from '../api/companies.api';
import { useCompanyClaims } from '../hooks/useCompanies';

function ClaimRow({ companyId, claim }: { companyId: string; claim: CompanyClaim }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = `${claim.person.firstName} ${claim.person.lastName}`;
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'refuse') => companiesApi.decideClaim(companyId, claim.id, decision),
    onSuccess: async (_done, decision) => {
      notify.success(t(decision === 'accept' ? 'companies.claims.accepted' : 'companies.claims.refused', { name }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: companyKeys.claims(companyId) }),
        queryClient.invalidateQueries({ queryKey: companyKeys.members(companyId) }),
      ]);
    },
  });
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Text fw={600}>{name}</Text>
        <Text size="sm">
          {[claim.person.jobTitle, claim.person.email, t('companies.claims.since', { date: formatDate(claim.createdAt) })]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {claim.message ? (
          <Text size="sm" fs="italic">
            « {claim.message} »
          </Text>
        ) : null}
        <ErrorAlert error={decide.error} />
        <Group gap="sm">
          <Button
            size="sm"
            loading={decide.isPending && decide.variables === 'accept'}
            disabled={decide.isPending}
            onClick={() => decide.mutate('accept')}
            aria-label={t('companies.claims.acceptLabel', { name })}
          >
            {t('companies.claims.accept')}
          </Button>
          <Button
            size="sm"
            variant="default"
            loading={decide.isPending && decide.variables === 'refuse'}
            disabled={decide.isPending}
            onClick={() => decide.mutate('refuse')}
            aria-label={t('companies.claims.refuseLabel', { name })}
          >
            {t('companies.claims.refuse')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** People who asked to join the company: accepted, they become members (the owners may change their role after). */
export function ClaimsManager({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const claims = useCompanyClaims(companyId);
  return (
    <QueryContent query={claims}>
      {(list) =>
        list.length ? (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('companies.claims.title')}>
            {list.map((claim) => (
              <ClaimRow key={claim.id} companyId={companyId} claim={claim} />
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t('companies.claims.none')}</Text>
        )
      }
    </QueryContent>
  );
}
