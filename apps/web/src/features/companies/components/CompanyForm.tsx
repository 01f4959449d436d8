import { Grid, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CommuneRef, Company, NafRef } from '@maillage/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { emptyToNull, normalizeUrl, rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { useHeadcountBands, useLegalForms } from '../../../lib/referentials';
import { companiesApi } from '../api/companies.api';
import { useCompanyMutation } from '../hooks/useCompanies';
import { NafSelect } from '../../../components/NafSelect';
import { FormActions } from '../../../components/FormActions';

interface CompanyFormValues {
  legalName: string;
  tradeName: string;
  naf: NafRef | null;
  legalFormCode: string | null;
  headcountBandCode: string | null;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  commune: CommuneRef | null;
  website: string;
  description: string;
}

function initialValues(company: Company): CompanyFormValues {
  return {
    legalName: company.legalName,
    tradeName: company.tradeName ?? '',
    naf: company.naf,
    legalFormCode: company.legalForm?.code ?? null,
    headcountBandCode: company.headcountBand?.code ?? null,
    addressLine1: company.address.line1 ?? '',
    addressLine2: company.address.line2 ?? '',
    postalCode: company.address.postalCode ?? '',
    commune: company.address.commune,
    website: company.website ?? '',
    description: company.description ?? '',
  };
}

/** Everything the company's editors may change, checked against the referentials. */
export function CompanyForm({ company, onDone }: { company: Company; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const legalForms = useLegalForms();
  const bands = useHeadcountBands();
  const save = useCompanyMutation((values: CompanyFormValues) =>
    companiesApi.update(company.id, {
      legalName: values.legalName.trim(),
      tradeName: emptyToNull(values.tradeName),
      nafCode: values.naf?.code ?? null,
      legalFormCode: values.legalFormCode,
      headcountBandCode: values.headcountBandCode,
      addressLine1: emptyToNull(values.addressLine1),
      addressLine2: emptyToNull(values.addressLine2),
      postalCode: emptyToNull(values.postalCode),
      communeCode: values.commune?.code ?? null,
      website: emptyToNull(normalizeUrl(values.website)),
      description: emptyToNull(values.description),
    }),
  );
  const form = useForm<CompanyFormValues>({
    initialValues: initialValues(company),
    validate: {
      legalName: rules.required(t),
      postalCode: (value) => (!value.trim() || /^\d{5}$/.test(value.trim()) ? null : t('validation.postalCode')),
      website: rules.url(t),
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(
    form,
    async (values) => {
      await save.mutateAsync(values);
      notify.success(t('companies.edit.saved'));
      onDone();
    },
    { fieldAliases: { nafCode: 'naf', communeCode: 'commune' } },
  );

  const selectCommune = (commune: CommuneRef | null) => {
    form.setFieldValue('commune', commune);
    if (commune && !form.getValues().postalCode.trim() && commune.postalCodes[0]) {
      form.setFieldValue('postalCode', commune.postalCodes[0]);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.legalName')} required maxLength={250} {...form.getInputProps('legalName')} />
          <TextInput label={t('fields.tradeName')} maxLength={250} {...form.getInputProps('tradeName')} />
        </SimpleGrid>
        <NafSelect
          label={t('fields.naf')}
          description={t('companies.edit.nafHint')}
          selected={form.getValues().naf}
          onSelect={(naf) => form.setFieldValue('naf', naf)}
          error={form.errors.naf}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.legalForm')}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            nothingFoundMessage={t('search.nothingFound')}
            data={(legalForms.data ?? []).map((f) => ({ value: f.code, label: f.label }))}
            {...form.getInputProps('legalFormCode')}
          />
          <Select
            label={t('fields.headcountBand')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            data={(bands.data ?? []).map((b) => ({ value: b.code, label: i18n.language === 'en' ? b.labelEn : b.label }))}
            {...form.getInputProps('headcountBandCode')}
          />
        </SimpleGrid>
        <TextInput label={t('fields.addressLine1')} autoComplete="address-line1" maxLength={200} {...form.getInputProps('addressLine1')} />
        <TextInput label={t('fields.addressLine2')} autoComplete="address-line2" maxLength={200} {...form.getInputProps('addressLine2')} />
        <Grid align="flex-end">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('fields.postalCode')}
              autoComplete="postal-code"
              inputMode="numeric"
              maxLength={5}
              {...form.getInputProps('postalCode')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <CommuneSelect
              label={t('fields.commune')}
              description={t('companies.edit.communeHint')}
              selected={form.getValues().commune}
              onSelect={selectCommune}
              error={form.errors.commune}
            />
          </Grid.Col>
        </Grid>
        <TextInput label={t('fields.website')} type="url" autoComplete="url" maxLength={300} {...form.getInputProps('website')} />
        <Textarea
          label={t('fields.description')}
          autosize
          minRows={4}
          maxRows={14}
          maxLength={5000}
          {...form.getInputProps('description')}
        />
        <FormActions submitting={submitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}
