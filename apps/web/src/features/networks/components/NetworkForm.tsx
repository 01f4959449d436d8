import { Fieldset, List, MultiSelect, Radio, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  NETWORK_JOIN_POLICIES,
  NETWORK_MATURITIES,
  NETWORK_TYPES,
  NETWORK_VISIBILITIES,
  type CommuneRef,
  type NafRef,
  type Network,
  type NetworkInput,
  type NetworkJoinPolicy,
  type NetworkMaturity,
  type NetworkType,
  type NetworkVisibility,
} from '@maillage/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { emptyToNull, rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { useDepartements, useRegions, type EpciRef } from '../../../lib/referentials';
import { useSession } from '../../../lib/session';
import { NafSelect } from '../../../components/NafSelect';
import { MarkdownEditor } from '../../../components/markdown/MarkdownEditor';
import { networkKeys, networksApi } from '../api/networks.api';
import { useOrganizations } from '../hooks/useNetworks';
import { CodeListField } from './CodeListField';
import { EpciSelect, NetworkSelect, useCommuneLabel, useEpciLabel, useNafLabel, useNetworkLabel } from './territoryFields';

export interface NetworkFormValues {
  name: string;
  type: NetworkType | null;
  maturity: NetworkMaturity | null;
  visibility: NetworkVisibility;
  joinPolicy: NetworkJoinPolicy;
  hostOrganizationId: string | null;
  referentOrganizationId: string | null;
  communes: string[];
  epcis: string[];
  departements: string[];
  regions: string[];
  sectors: string[];
  themes: string[];
  description: string;
  charter: string;
  parentIds: string[];
}

const MAX_THEMES = 30;

function initialValues(network: Network | undefined, defaultHost: string | null): NetworkFormValues {
  return {
    name: network?.name ?? '',
    type: network?.type ?? null,
    maturity: network?.maturity ?? null,
    visibility: network?.visibility ?? 'public',
    joinPolicy: network?.joinPolicy ?? 'approval',
    hostOrganizationId: network?.hostOrganizationId ?? defaultHost,
    referentOrganizationId: network?.referentOrganizationId ?? null,
    communes: network?.territory.communes ?? [],
    epcis: network?.territory.epcis ?? [],
    departements: network?.territory.departements ?? [],
    regions: network?.territory.regions ?? [],
    sectors: network?.sectors ?? [],
    themes: network?.themes ?? [],
    description: network?.description ?? '',
    charter: network?.charter ?? '',
    parentIds: network ? askedParents(network) : [],
  };
}

/** The federations the network belongs to or has asked to join (a pending request stays in the list until decided). */
function askedParents(network: Network): string[] {
  return [...network.parentIds, ...network.parentRequests.filter((r) => r.status === 'pending').map((r) => r.parentId)];
}

export function toNetworkInput(values: NetworkFormValues): NetworkInput {
  const { type, maturity, hostOrganizationId } = values;
  // The form's validation requires these three before it submits.
  if (!type || !maturity || !hostOrganizationId) throw new Error('type, maturity and host are required');
  return {
    name: values.name.trim(),
    type,
    maturity,
    visibility: values.visibility,
    joinPolicy: values.joinPolicy,
    hostOrganizationId,
    referentOrganizationId: values.referentOrganizationId,
    territory: { communes: values.communes, epcis: values.epcis, departements: values.departements, regions: values.regions },
    sectors: values.sectors,
    themes: values.themes.map((theme) => theme.trim()).filter(Boolean),
    description: emptyToNull(values.description),
    charter: emptyToNull(values.charter),
  };
}

/** Radio cards: each choice with its consequence spelled out. */
function ChoiceGroup<T extends string>({
  label,
  values,
  keys,
  inputProps,
}: {
  label: string;
  values: readonly T[];
  keys: 'visibilit' | 'joinPolic';
  inputProps: object;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} {...inputProps}>
      <Stack gap="xs" mt={6}>
        {values.map((value) => (
          <Radio key={value} value={value} label={t(`networks.${keys}ies.${value}`)} description={t(`networks.${keys}yHints.${value}`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

interface NetworkFormProps {
  /** Absent: a new network. */
  network?: Network;
  onSaved: (network: Network) => void;
  onCancel: () => void;
}

/** Creates or edits a network: identity, rules, territory and sectors, presentation, federations. */
export function NetworkForm({ network, onSaved, onCancel }: NetworkFormProps) {
  const { t } = useTranslation();
  const { user, isAdmin } = useSession();
  const organizations = useOrganizations();
  const departements = useDepartements();
  const regions = useRegions();
  const queryClient = useQueryClient();

  // Admins create for any organisation; staff for theirs. The current host stays listed when editing.
  const staffOf = new Set(user?.staffOf.map((s) => s.organizationId));
  const hostOptions = (organizations.data ?? [])
    .filter((org) => isAdmin || staffOf.has(org.id) || org.id === network?.hostOrganizationId)
    .map((org) => ({ value: org.id, label: org.name }));
  const defaultHost = user?.staffOf.length === 1 ? user.staffOf[0].organizationId : null;

  const form = useForm<NetworkFormValues>({
    initialValues: initialValues(network, defaultHost),
    validate: {
      name: (value) => rules.required(t)(value) ?? (value.trim().length < 2 ? t('networks.form.nameTooShort') : null),
      type: rules.required(t),
      maturity: rules.required(t),
      hostOrganizationId: rules.required(t),
    },
  });

  const { onSubmit, error, submitting } = useFormSubmit(
    form,
    async (values) => {
      const input = toNetworkInput(values);
      let saved = network ? await networksApi.update(network.id, input) : await networksApi.create(input);
      const parents = [...values.parentIds].sort();
      if (parents.join() !== askedParents(saved).sort().join()) saved = await networksApi.setParents(saved.id, values.parentIds);
      queryClient.setQueryData(networkKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
      notify.success(network ? t('networks.form.saved') : t('networks.form.created', { name: saved.name }));
      onSaved(saved);
    },
    {
      fieldAliases: {
        'territory.communes': 'communes',
        'territory.epcis': 'epcis',
        'territory.departements': 'departements',
        'territory.regions': 'regions',
        slug: 'name',
      },
    },
  );

  const values = form.getValues();
  const list = (field: 'communes' | 'epcis' | 'sectors' | 'parentIds') => ({
    codes: values[field],
    onChange: (codes: string[]) => form.setFieldValue(field, codes),
    error: form.errors[field],
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        <ErrorAlert error={error} />
        <Fieldset legend={t('networks.form.sections.identity')}>
          <Stack gap="md">
            <TextInput label={t('networks.fields.name')} required maxLength={200} {...form.getInputProps('name')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('networks.fields.type')}
                required
                data={NETWORK_TYPES.map((type) => ({ value: type, label: t(`networks.types.${type}`) }))}
                {...form.getInputProps('type')}
              />
              <Select
                label={t('networks.fields.maturity')}
                required
                data={NETWORK_MATURITIES.map((m) => ({ value: m, label: t(`networks.maturities.${m}`) }))}
                {...form.getInputProps('maturity')}
              />
              <Select
                label={t('networks.fields.host')}
                description={t('networks.fields.hostHint')}
                required
                searchable
                nothingFoundMessage={t('search.nothingFound')}
                data={hostOptions}
                {...form.getInputProps('hostOrganizationId')}
              />
              <Select
                label={t('networks.fields.referent')}
                searchable
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                nothingFoundMessage={t('search.nothingFound')}
                data={(organizations.data ?? []).map((org) => ({ value: org.id, label: org.name }))}
                {...form.getInputProps('referentOrganizationId')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('networks.form.sections.rules')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <ChoiceGroup
              label={t('networks.fields.visibility')}
              values={NETWORK_VISIBILITIES}
              keys="visibilit"
              inputProps={form.getInputProps('visibility')}
            />
            <ChoiceGroup
              label={t('networks.fields.joinPolicy')}
              values={NETWORK_JOIN_POLICIES}
              keys="joinPolic"
              inputProps={form.getInputProps('joinPolicy')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('networks.form.sections.territory')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect
                label={t('networks.fields.regions')}
                searchable
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                nothingFoundMessage={t('search.nothingFound')}
                data={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
                {...form.getInputProps('regions')}
              />
              <MultiSelect
                label={t('networks.fields.departements')}
                searchable
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                nothingFoundMessage={t('search.nothingFound')}
                data={(departements.data ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))}
                {...form.getInputProps('departements')}
              />
            </SimpleGrid>
            <CodeListField
              label={t('networks.fields.epcis')}
              addLabel={t('networks.fields.addEpci')}
              description={t('networks.fields.epciHint')}
              {...list('epcis')}
              useLabel={useEpciLabel}
              codeOf={(epci: EpciRef) => epci.code}
              renderSelect={(props) => <EpciSelect {...props} />}
            />
            <CodeListField
              label={t('networks.fields.communes')}
              addLabel={t('networks.fields.addCommune')}
              {...list('communes')}
              useLabel={useCommuneLabel}
              codeOf={(commune: CommuneRef) => commune.code}
              renderSelect={(props) => <CommuneSelect {...props} />}
            />
            <CodeListField
              label={t('networks.fields.sectors')}
              addLabel={t('networks.fields.addSector')}
              description={t('companies.edit.nafHint')}
              {...list('sectors')}
              useLabel={useNafLabel}
              codeOf={(naf: NafRef) => naf.code}
              renderSelect={(props) => <NafSelect {...props} />}
            />
            <TagsInput
              label={t('networks.fields.themes')}
              description={t('networks.fields.themesHint')}
              maxTags={MAX_THEMES}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              {...form.getInputProps('themes')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('networks.form.sections.presentation')}>
          <Stack gap="md">
            <Textarea
              label={t('networks.fields.description')}
              autosize
              minRows={3}
              maxRows={12}
              maxLength={5000}
              {...form.getInputProps('description')}
            />
            <MarkdownEditor
              label={t('networks.fields.charter')}
              description={t('networks.fields.charterHint')}
              value={values.charter}
              onChange={(charter) => form.setFieldValue('charter', charter)}
              error={form.errors.charter}
              maxLength={50000}
              minRows={6}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('networks.form.sections.federation')}>
          <CodeListField
            label={t('networks.about.parents')}
            addLabel={t('networks.fields.addParent')}
            description={t('networks.fields.parentsHint')}
            {...list('parentIds')}
            useLabel={useNetworkLabel}
            codeOf={(parent: Network) => parent.id}
            renderSelect={(props) => <NetworkSelect {...props} />}
            max={20}
          />
          {network?.parentRequests.length ? (
            <List size="sm" mt="sm" spacing={4} aria-label={t('networks.federation.myRequests')}>
              {network.parentRequests.map((request) => (
                <List.Item key={request.parentId}>
                  <Text span size="sm" fw={600}>
                    {t(`networks.federation.status.${request.status}`)}
                  </Text>
                  {' · '}
                  {t(`networks.federation.${request.status === 'pending' ? 'pendingWith' : 'refusedBy'}`, { name: request.parentName })}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Fieldset>

        <FormActions submitting={submitting} onCancel={onCancel} submitLabel={network ? undefined : t('networks.form.submitCreate')} />
      </Stack>
    </form>
  );
}
