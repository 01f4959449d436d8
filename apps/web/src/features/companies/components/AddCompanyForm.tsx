import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { normalizeIdentifier } from '@maillage/referentials/identifiers';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api';
import { useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { companiesApi, companyKeys } from '../api/companies.api';
import { SiretInput, siretError } from './SiretInput';

/** The company has people already: ask them to let you in (they accept or refuse, and you are told). */
function ClaimCompany({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const claim = useMutation({ mutationFn: () => companiesApi.claim(companyId, message.trim() || null) });
  if (claim.isSuccess) {
    return (
      <Alert role="status" color="teal" variant="light" title={t('companies.claim.sentTitle')}>
        <Text size="sm">{t('companies.claim.sentText')}</Text>
      </Alert>
    );
  }
  return (
    <Alert role="alert" color="orange" variant="light" title={t('companies.add.managedTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('companies.claim.lead')}</Text>
        <ErrorAlert error={claim.error} />
        <Textarea
          label={t('companies.claim.message')}
          description={t('companies.claim.messageHint')}
          autosize
          minRows={2}
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <Group gap="sm">
          <Button type="button" loading={claim.isPending} onClick={() => claim.mutate()}>
            {t('companies.claim.submit')}
          </Button>
          <Button component={Link} to={`/entreprises/${companyId}`} variant="default">
            {t('companies.add.managedLink')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * Adds a company by its SIRET: creates it, or claims it when it is known without people. A new
 * SIRET also needs the legal name (the API says so with a `legalName` field error). A company that has people
 * already is asked for: its owners decide.
 */
export function AddCompanyForm({ autoFocus }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [needsName, setNeedsName] = useState(false);
  const [managedId, setManagedId] = useState<string | null>(null);
  const form = useForm({
    initialValues: { siret: '', legalName: '' },
    validate: {
      siret: (value) => siretError(value, t),
      legalName: (value) => (needsName && !value.trim() ? t('validation.required') : null),
    },
    onValuesChange: (values, previous) => {
      if (values.siret !== previous.siret) {
        setNeedsName(false);
        setManagedId(null);
      }
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(
    form,
    async ({ siret, legalName }) => {
      setManagedId(null);
      const company = await companiesApi.create({
        siret: normalizeIdentifier(siret),
        ...(needsName ? { legalName: legalName.trim() } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: companyKeys.mine });
      notify.success(t('companies.add.done', { name: company.tradeName ?? company.legalName }));
      navigate(`/entreprises/${company.id}`);
    },
    {
      onError: (caught) => {
        if (!isApiError(caught)) return false;
        if (caught.code === 'COMPANY_ALREADY_MANAGED') {
          setManagedId(caught.detail<string>('companyId') ?? '');
          return true;
        }
        if (!needsName && caught.fieldErrors.some((f) => f.field === 'legalName')) {
          setNeedsName(true);
          return true;
        }
        return false;
      },
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        {managedId ? <ClaimCompany companyId={managedId} /> : null}
        <SiretInput
          label={t('fields.siret')}
          description={t('companies.add.siretHint')}
          required
          autoFocus={autoFocus}
          {...form.getInputProps('siret')}
        />
        {needsName ? (
          <TextInput
            label={t('fields.legalName')}
            description={t('companies.add.legalNameHint')}
            required
            autoFocus
            maxLength={250}
            {...form.getInputProps('legalName')}
          />
        ) : null}
        <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
          {t('companies.add.submit')}
        </Button>
      </Stack>
    </form>
  );
}
