import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, type CommuneRef, type Organization, type OrganizationInput, type OrganizationKind } from '@maillage/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { emptyToNull, normalizeUrl, rules, useFormSubmit } from '../../../lib/forms';
import { useCommune } from '../../../lib/referentials';

interface OrganizationFormProps {
  organization: Organization | null;
  organizations: Organization[];
  onSubmit: (input: Required<OrganizationInput>) => Promise<unknown>;
  onCancel: () => void;
}

/** Create or edit an organisation (name, kind, parent, commune, website, description). */
export function OrganizationForm({ organization, organizations, onSubmit, onCancel }: OrganizationFormProps) {
  const { t } = useTranslation();
  const initialCommune = useCommune(organization?.communeCode);
  const form = useForm({
    initialValues: {
      name: organization?.name ?? '',
      kind: (organization?.kind ?? 'cci_territorial') as OrganizationKind,
      parentId: organization?.parentId ?? null,
      commune: undefined as CommuneRef | null | undefined,
      website: organization?.website ?? '',
      description: organization?.description ?? '',
    },
    validate: { name: rules.required(t), website: rules.url(t) },
  });
  // The commune arrives as a code: show its full label once it is known, until it is changed.
  const commune = form.getValues().commune === undefined ? (initialCommune.data ?? null) : form.getValues().commune!;
  const submit = useFormSubmit(
    form,
    (values) =>
      onSubmit({
        name: values.name.trim(),
        kind: values.kind,
        parentId: values.parentId,
        communeCode: values.commune === undefined ? (organization?.communeCode ?? null) : (values.commune?.code ?? null),
        website: emptyToNull(normalizeUrl(values.website)),
        description: emptyToNull(values.description),
      }),
    { fieldAliases: { communeCode: 'commune' } },
  );
  const parents = organizations.filter((o) => o.id !== organization?.id).map((o) => ({ value: o.id, label: o.name }));

  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={submit.error} />
        <TextInput label={t('fields.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t('fields.kind')}
          data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`organizations.kinds.${kind}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('fields.parent')}
          data={parents}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          nothingFoundMessage={t('search.nothingFound')}
          {...form.getInputProps('parentId')}
        />
        <CommuneSelect
          label={t('fields.commune')}
          selected={commune}
          onSelect={(value) => form.setFieldValue('commune', value)}
          error={form.errors.commune}
         
        />
        <TextInput label={t('fields.website')} type="url" maxLength={300} {...form.getInputProps('website')} />
        <Textarea label={t('fields.description')} autosize minRows={3} maxRows={10} maxLength={5000} {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submit.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
