import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { companiesApi, companyKeys } from '../api/companies.api';

/** Accepts a company invitation (the signed-in address must be the invited one). */
export function AcceptInvitation({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: companiesApi.acceptInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKeys.all }),
  });
  const sent = useRef(false);

  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      accept.mutate(token);
    }
  }, [token, accept]);

  if (!token) {
    return (
      <Alert role="alert" color="red" variant="light">
        {t('invitation.missingToken')}
      </Alert>
    );
  }
  if (accept.isError) {
    return (
      <Stack gap="md" align="flex-start">
        <ErrorAlert error={accept.error} />
        <Text>{t('invitation.failedHint')}</Text>
        <Button component={Link} to="/entreprises" variant="default">
          {t('nav.companies')}
        </Button>
      </Stack>
    );
  }
  if (accept.isSuccess) {
    const company = accept.data;
    return (
      <Alert role="status" color="teal" variant="light" title={t('invitation.acceptedTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text>{t('invitation.acceptedText', { company: company.name, role: t(`roles.${company.role ?? 'member'}`) })}</Text>
          <Button component={Link} to={`/entreprises/${company.id}`}>
            {t('invitation.open', { company: company.name })}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Group role="status" gap="sm">
      <Loader size="sm" aria-hidden />
      <Text>{t('invitation.pending')}</Text>
    </Group>
  );
}
