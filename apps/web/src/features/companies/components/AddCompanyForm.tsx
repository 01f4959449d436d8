import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { normalizeIdentifier } from '@maillage/referentials/identifiers';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api';
import { useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { companiesApi, companyKeys } from '../api/companies.api';
import { SiretInput, siretError } from './SiretInput';

/**
 * Adds a company by its SIRET: creates it, or claims it when it is known without people. A new
 * SIRET also needs the legal name (the API says so with a `legalName` field error).
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
        {managedId !== null ? (
          <Alert role="alert" color="orange" variant="light" title={t('companies.add.managedTitle')}>
            <Text size="sm">{t('companies.add.managedText')}</Text>
            {managedId ? (
              <Anchor component={Link} to={`/entreprises/${managedId}`} size="sm">
                {t('companies.add.managedLink')}
              </Anchor>
            ) : null}
          </Alert>
        ) : null}
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
