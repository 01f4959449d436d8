import { Button, ColorInput, Group, luminance, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, type CommuneRef, type Organization, type OrganizationInput, type OrganizationKind } from '@maillage/contracts';
import { CommuneSelect } from './CommuneSelect';
import { ErrorAlert } from './ErrorAlert';
import { ImageDropzone } from './ImageDropzone';
import { initials } from '../lib/format';
import { emptyToNull, normalizeUrl, rules, useFormSubmit } from '../lib/forms';
import { useCommune } from '../lib/referentials';

/** Deep colours a white logo and text stay readable on. */
export const ACCENT_SWATCHES = ['#1c5d99', '#0b7285', '#237a36', '#5f3dc4', '#a61e4d', '#c2410c', '#364fc7'];

/** WCAG contrast of white text on the colour: below 4.5:1 the network headings painted with it would be hard to read. */
export function whiteContrast(color: string): number {
  return 1.05 / (luminance(color) + 0.05);
}

interface OrganizationFormProps {
  organization: Organization | null;
  organizations: Organization[];
  onSubmit: (input: Required<OrganizationInput>) => Promise<unknown>;
  onCancel?: () => void;
  /** The logo is saved as soon as it is chosen (like a company's), apart from the form's other fields. */
  logo?: { upload: (file: File) => Promise<Organization>; remove: () => Promise<Organization> };
  /** Kind and parent: only platform admins change where an organisation sits; its own admins do not see these fields. */
  structureEditable?: boolean;
}

/** Create or edit an organisation (name, kind, parent, commune, website, description, accent colour, logo). */
export function OrganizationForm({
  organization,
  organizations,
  onSubmit,
  onCancel,
  logo,
  structureEditable = true,
}: OrganizationFormProps) {
  const { t } = useTranslation();
  const [logoUrl, setLogoUrl] = useState(organization?.logoUrl ?? null);
  const initialCommune = useCommune(organization?.communeCode);
  const form = useForm({
    initialValues: {
      name: organization?.name ?? '',
      kind: (organization?.kind ?? 'cci_territorial') as OrganizationKind,
      parentId: organization?.parentId ?? null,
      commune: undefined as CommuneRef | null | undefined,
      website: organization?.website ?? '',
      description: organization?.description ?? '',
      accentColor: organization?.accentColor ?? '',
    },
    validate: {
      name: rules.required(t),
      website: rules.url(t),
      accentColor: (value: string) =>
        value.trim() === '' || /^#[0-9a-f]{6}$/i.test(value.trim()) ? null : t('organizations.accentInvalid'),
    },
  });
  // The commune arrives as a code: show its full label once it is known, until it is changed.
  const chosenCommune = form.getValues().commune;
  const commune = chosenCommune === undefined ? (initialCommune.data ?? null) : chosenCommune;
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
        accentColor: emptyToNull(values.accentColor.toLowerCase()),
      }),
    { fieldAliases: { communeCode: 'commune' } },
  );
  const accent = form.getValues().accentColor.trim();
  const ratio = /^#[0-9a-f]{6}$/i.test(accent) ? whiteContrast(accent) : null;
  const lowContrast = ratio !== null && ratio < 4.5 ? ratio : null;
  const parents = organizations.filter((o) => o.id !== organization?.id).map((o) => ({ value: o.id, label: o.name }));

  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={submit.error} />
        <TextInput label={t('fields.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
        {structureEditable ? (
          <>
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
          </>
        ) : null}
        <CommuneSelect
          label={t('fields.commune')}
          selected={commune}
          onSelect={(value) => form.setFieldValue('commune', value)}
          error={form.errors.commune}
        />
        <TextInput label={t('fields.website')} type="url" maxLength={300} {...form.getInputProps('website')} />
        <Textarea
          label={t('fields.description')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          {...form.getInputProps('description')}
        />
        <ColorInput
          label={t('organizations.accent')}
          description={t('organizations.accentHint')}
          format="hex"
          swatches={ACCENT_SWATCHES}
          withEyeDropper={false}
          {...form.getInputProps('accentColor')}
        />
        {lowContrast ? (
          <Text size="sm" c="orange.9" role="status" data-testid="accent-contrast">
            {t('organizations.accentLowContrast', { ratio: lowContrast.toFixed(1) })}
          </Text>
        ) : null}
        {organization && logo ? (
          <ImageDropzone
            label={t('organizations.logo')}
            imageUrl={logoUrl}
            fallback={initials(organization.name)}
            chooseLabel={t('organizations.chooseLogo')}
            removeLabel={t('organizations.removeLogo')}
            onUpload={(file) => logo.upload(file).then((saved) => setLogoUrl(saved.logoUrl))}
            onRemove={() => logo.remove().then((saved) => setLogoUrl(saved.logoUrl))}
          />
        ) : null}
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={submit.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
