import { useState } from 'react';
import { Badge, Button, CloseButton, Group, SegmentedControl, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CommuneRef, CompanyOffer, CompanyOfferInput, OfferKind } from '@maillage/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { emptyToNull, rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { companiesApi } from '../api/companies.api';
import { useRefreshOffers } from '../hooks/useCompanies';
import { NafSelect } from '../../../components/NafSelect';
import { NafName, territoryItems, type Territory } from './OfferTags';
import { FormActions } from '../../../components/FormActions';

const MAX_NAF = 10;
const MAX_SKILLS = 20;
type Scope = 'commune' | 'departement' | 'region';

interface OfferFormValues {
  kind: OfferKind;
  label: string;
  description: string;
  nafCodes: string[];
  skills: string[];
  territory: Territory;
}

/** Adds a place to the territory: a commune, or its whole département or région. */
function TerritoryPicker({ value, onChange }: { value: Territory; onChange: (territory: Territory) => void }) {
  const { t } = useTranslation();
  const [commune, setCommune] = useState<CommuneRef | null>(null);
  const [scope, setScope] = useState<Scope>('departement');
  const add = () => {
    if (!commune) return;
    const key = scope === 'commune' ? 'communes' : scope === 'departement' ? 'departements' : 'regions';
    const code = scope === 'commune' ? commune.code : scope === 'departement' ? commune.departement.code : commune.region.code;
    if (!value[key].includes(code)) onChange({ ...value, [key]: [...value[key], code] });
    setCommune(null);
  };
  const remove = (itemKey: string) => {
    const [kind, code] = itemKey.split(':');
    const key = kind === 'c' ? 'communes' : kind === 'd' ? 'departements' : 'regions';
    onChange({ ...value, [key]: value[key].filter((c) => c !== code) });
  };
  const items = territoryItems(value, t);
  return (
    <Stack gap="xs" role="group" aria-labelledby="offre-territoire">
      <Text fw={500} size="sm" id="offre-territoire">
        {t('offers.fields.territory')}
      </Text>
      {items.length ? (
        <Group gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.key}>
              <Badge
                variant="light"
                color="gray"
                tt="none"
                rightSection={<CloseButton size="xs" aria-label={t('offers.territory.remove')} onClick={() => remove(item.key)} />}
              >
                {item.label}
              </Badge>
            </li>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('offers.territory.none')}
        </Text>
      )}
      <Group align="flex-end" gap="sm">
        <CommuneSelect label={t('offers.territory.commune')} selected={commune} onSelect={setCommune} style={{ flex: '1 1 14rem' }} />
        <Select
          label={t('offers.territory.scope')}
          allowDeselect={false}
          value={scope}
          onChange={(v) => v && setScope(v as Scope)}
          data={(['commune', 'departement', 'region'] as const).map((s) => ({ value: s, label: t(`offers.territory.scopes.${s}`) }))}
          w={180}
        />
        <Button variant="default" onClick={add} disabled={!commune}>
          {t('offers.territory.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Creates or edits an offer ("je propose") or a need ("je cherche"). */
export default function OfferForm({
  companyId,
  kind,
  offer,
  onDone,
}: {
  companyId: string;
  kind: OfferKind;
  offer: CompanyOffer | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshOffers(companyId);
  const form = useForm<OfferFormValues>({
    initialValues: {
      kind: offer?.kind ?? kind,
      label: offer?.label ?? '',
      description: offer?.description ?? '',
      nafCodes: offer?.nafCodes ?? [],
      skills: offer?.skills ?? [],
      territory: offer?.territory ?? { communes: [], departements: [], regions: [] },
    },
    validate: { label: rules.required(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const body: CompanyOfferInput = {
      kind: values.kind,
      label: values.label.trim(),
      description: emptyToNull(values.description),
      nafCodes: values.nafCodes,
      // A tag pasted or typed with its separator ('inox,') keeps only its words.
      skills: [
        ...new Set(
          values.skills
            .flatMap((skill) => skill.split(/[,;]/))
            .map((skill) => skill.trim())
            .filter(Boolean),
        ),
      ],
      territory: values.territory,
    };
    if (offer) await companiesApi.updateOffer(companyId, offer.id, body);
    else await companiesApi.createOffer(companyId, body);
    await refresh();
    notify.success(t('offers.saved', { label: body.label }));
    onDone();
  });
  const values = form.getValues();

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Stack gap={4}>
          <Text fw={500} size="sm" id="offre-type">
            {t('offers.fields.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="offre-type"
            data={[
              { value: 'offer', label: t('offers.kindChoice.offer') },
              { value: 'need', label: t('offers.kindChoice.need') },
            ]}
            {...form.getInputProps('kind')}
          />
        </Stack>
        <TextInput
          label={t('offers.fields.label')}
          description={t('offers.labelHint')}
          required
          maxLength={200}
          data-autofocus
          {...form.getInputProps('label')}
        />
        <Textarea
          label={t('fields.description')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          {...form.getInputProps('description')}
        />
        <Stack gap="xs">
          <NafSelect
            label={t('offers.fields.naf')}
            description={t('offers.nafHint', { max: MAX_NAF })}
            selected={null}
            disabled={values.nafCodes.length >= MAX_NAF}
            onSelect={(naf) => {
              if (naf && !form.getValues().nafCodes.includes(naf.code))
                form.setFieldValue('nafCodes', [...form.getValues().nafCodes, naf.code]);
            }}
            error={form.errors.nafCodes}
          />
          {values.nafCodes.length ? (
            <Group gap={4} component="ul" aria-label={t('offers.nafChosen')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {values.nafCodes.map((code) => (
                <li key={code}>
                  <Badge
                    variant="light"
                    tt="none"
                    rightSection={
                      <CloseButton
                        size="xs"
                        aria-label={t('offers.removeNaf', { code })}
                        onClick={() =>
                          form.setFieldValue(
                            'nafCodes',
                            form.getValues().nafCodes.filter((c) => c !== code),
                          )
                        }
                      />
                    }
                  >
                    <NafName code={code} />
                  </Badge>
                </li>
              ))}
            </Group>
          ) : null}
        </Stack>
        <TagsInput
          label={t('offers.fields.skills')}
          description={t('profile.tagsHint')}
          maxTags={MAX_SKILLS}
          splitChars={[',', ';']}
          clearable={false}
          {...form.getInputProps('skills')}
        />
        <TerritoryPicker value={values.territory} onChange={(territory) => form.setFieldValue('territory', territory)} />
        <FormActions submitting={submitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}
