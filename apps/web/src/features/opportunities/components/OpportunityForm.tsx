import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  OPPORTUNITY_MAX_RADIUS_KM,
  OPPORTUNITY_TYPES,
  type CommuneRef,
  type NafRef,
  type Opportunity,
  type OpportunityActingCompany,
  type OpportunityAudience,
  type OpportunityInput,
  type OpportunityType,
  type SearchHit,
} from '@maillage/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RemoteSelect } from '../../../components/RemoteSelect';
import { rules, useFormSubmit } from '../../../lib/forms';
import { referentialsApi } from '../../../lib/referentials';
import { opportunitiesApi } from '../api/opportunities.api';

const MAX_NAF = 10;

interface Values {
  companyId: string;
  type: OpportunityType;
  title: string;
  description: string;
  nafCodes: string[];
  skills: string[];
  commune: CommuneRef | null;
  radiusKm: number | string;
  deadline: string;
  budgetMin: number | string;
  budgetMax: number | string;
  audience: OpportunityAudience;
  networkIds: string[];
  invited: { id: string; name: string }[];
}

const num = (v: number | string): number | null => (v === '' || v === null || v === undefined ? null : Number(v));

interface OpportunityFormProps {
  companies: OpportunityActingCompany[];
  opportunity?: Opportunity;
  onSaved: (opportunity: Opportunity) => void;
  onCancel: () => void;
}

/** Creates (as a draft, or published at once) or edits an opportunity; the API checks everything again. */
export function OpportunityForm({ companies, opportunity, onSaved, onCancel }: OpportunityFormProps) {
  const { t } = useTranslation();
  const [publish, setPublish] = useState(true);
  const [naf, setNaf] = useState<NafRef | null>(null);
  const form = useForm<Values>({
    initialValues: {
      companyId: opportunity?.company.id ?? companies[0]?.id ?? '',
      type: opportunity?.type ?? 'joint_bid',
      title: opportunity?.title ?? '',
      description: opportunity?.description ?? '',
      nafCodes: opportunity?.nafCodes.map((n) => n.code) ?? [],
      skills: opportunity?.skills ?? [],
      commune: null,
      radiusKm: opportunity?.territory.radiusKm ?? 30,
      deadline: opportunity?.deadline ?? '',
      budgetMin: opportunity?.budgetMin ?? '',
      budgetMax: opportunity?.budgetMax ?? '',
      audience: opportunity?.audience ?? 'public',
      networkIds: opportunity?.networks.map((n) => n.id) ?? [],
      invited: opportunity?.invitedCompanies.map((c) => ({ id: c.id, name: c.name })) ?? [],
    },
    validate: {
      title: rules.required(t),
      description: rules.required(t),
      deadline: rules.required(t),
      budgetMax: (value, values) => {
        const [low, high] = [num(values.budgetMin), num(value)];
        return low !== null && high !== null && high < low ? t('opportunities.form.budgetInverted') : null;
      },
    },
  });
  const values = form.getValues();
  const company = companies.find((c) => c.id === values.companyId);

  const { onSubmit, error, submitting } = useFormSubmit(
    form,
    async (v) => {
      const body: OpportunityInput = {
        type: v.type,
        title: v.title.trim(),
        description: v.description.trim(),
        nafCodes: v.nafCodes,
        skills: [
          ...new Set(
            v.skills
              .flatMap((s) => s.split(/[,;]/))
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ],
        territory: v.commune
          ? { communeCode: v.commune.code, radiusKm: num(v.radiusKm) }
          : opportunity?.territory.communeCode
            ? { communeCode: opportunity.territory.communeCode, radiusKm: num(v.radiusKm) }
            : {},
        deadline: v.deadline,
        budgetMin: num(v.budgetMin),
        budgetMax: num(v.budgetMax),
        audience: v.audience,
        networkIds: v.audience === 'networks' ? v.networkIds : undefined,
        invitedCompanyIds: v.audience === 'invited' ? v.invited.map((c) => c.id) : undefined,
      };
      const saved = opportunity
        ? await opportunitiesApi.update(opportunity.id, body)
        : await opportunitiesApi.create({ ...body, companyId: v.companyId, publish });
      onSaved(saved);
    },
    { fieldAliases: { 'territory.radiusKm': 'radiusKm', 'territory.communeCode': 'commune', invitedCompanyIds: 'invited' } },
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        {!opportunity && companies.length > 1 ? (
          <Select
            label={t('opportunities.form.company')}
            allowDeselect={false}
            data={companies.map((c) => ({ value: c.id, label: c.name }))}
            {...form.getInputProps('companyId')}
          />
        ) : null}
        <Select
          label={t('opportunities.fields.type')}
          allowDeselect={false}
          data={OPPORTUNITY_TYPES.map((type) => ({ value: type, label: t(`opportunities.types.${type}`) }))}
          {...form.getInputProps('type')}
        />
        <TextInput label={t('opportunities.fields.title')} required maxLength={200} data-autofocus {...form.getInputProps('title')} />
        <Textarea
          label={t('opportunities.fields.description')}
          description={t('opportunities.form.markdown')}
          required
          autosize
          minRows={5}
          maxRows={16}
          maxLength={20000}
          {...form.getInputProps('description')}
        />
        <Stack gap="xs">
          <RemoteSelect<NafRef>
            label={t('opportunities.fields.naf')}
            description={t('opportunities.form.nafHint', { max: MAX_NAF })}
            selected={naf}
            search={referentialsApi.searchNaf}
            cacheKey="naf"
            toOption={(n) => ({ value: n.code, label: `${n.code} ${n.label}` })}
            disabled={values.nafCodes.length >= MAX_NAF}
            onSelect={(picked) => {
              setNaf(null);
              if (picked && !form.getValues().nafCodes.includes(picked.code))
                form.setFieldValue('nafCodes', [...form.getValues().nafCodes, picked.code]);
            }}
            error={form.errors.nafCodes}
          />
          {values.nafCodes.length ? (
            <Group
              gap={4}
              component="ul"
              aria-label={t('opportunities.form.nafChosen')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {values.nafCodes.map((code) => (
                <li key={code}>
                  <Badge
                    variant="light"
                    tt="none"
                    rightSection={
                      <CloseButton
                        size="xs"
                        aria-label={t('opportunities.form.removeNaf', { code })}
                        onClick={() =>
                          form.setFieldValue(
                            'nafCodes',
                            form.getValues().nafCodes.filter((c) => c !== code),
                          )
                        }
                      />
                    }
                  >
                    {code}
                  </Badge>
                </li>
              ))}
            </Group>
          ) : null}
        </Stack>
        <TagsInput
          label={t('opportunities.fields.skills')}
          description={t('opportunities.form.skillsHint')}
          maxTags={20}
          {...form.getInputProps('skills')}
        />
        <Group align="flex-start" gap="sm" grow>
          <CommuneSelect
            label={t('opportunities.fields.commune')}
            description={
              opportunity?.territory.communeName
                ? t('opportunities.form.currentCommune', { name: opportunity.territory.communeName })
                : undefined
            }
            selected={values.commune}
            onSelect={(c) => form.setFieldValue('commune', c)}
            error={form.errors.commune}
          />
          <NumberInput
            label={t('opportunities.fields.radius')}
            min={1}
            max={OPPORTUNITY_MAX_RADIUS_KM}
            suffix=" km"
            {...form.getInputProps('radiusKm')}
          />
        </Group>
        <Group align="flex-start" gap="sm" grow>
          <TextInput type="date" label={t('opportunities.fields.deadline')} required {...form.getInputProps('deadline')} />
          <NumberInput
            label={t('opportunities.fields.budgetMin')}
            min={0}
            thousandSeparator=" "
            suffix=" €"
            {...form.getInputProps('budgetMin')}
          />
          <NumberInput
            label={t('opportunities.fields.budgetMax')}
            min={0}
            thousandSeparator=" "
            suffix=" €"
            {...form.getInputProps('budgetMax')}
          />
        </Group>
        <Radio.Group label={t('opportunities.fields.audience')} {...form.getInputProps('audience')}>
          <Stack gap={6} mt={6}>
            {(['public', 'networks', 'invited'] as const).map((a) => (
              <Radio key={a} value={a} label={t(`opportunities.audiences.${a}`)} description={t(`opportunities.audienceHints.${a}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {values.audience === 'networks' ? (
          company?.networks.length ? (
            <Checkbox.Group label={t('opportunities.form.networks')} {...form.getInputProps('networkIds')}>
              <Stack gap={6} mt={6}>
                {company.networks.map((n) => (
                  <Checkbox key={n.id} value={n.id} label={n.name} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('opportunities.form.noNetworks')}
            </Text>
          )
        ) : null}
        {values.audience === 'invited' ? (
          <Stack gap="xs">
            <RemoteSelect<SearchHit>
              label={t('opportunities.form.invite')}
              selected={null}
              search={(q, signal) => opportunitiesApi.searchCompanies(q, signal).then((r) => r.items)}
              cacheKey="opportunity-invite"
              toOption={(hit) => ({ value: hit.id, label: hit.title })}
              onSelect={(hit) => {
                if (hit && hit.id !== values.companyId && !form.getValues().invited.some((c) => c.id === hit.id)) {
                  form.setFieldValue('invited', [...form.getValues().invited, { id: hit.id, name: hit.title }]);
                }
              }}
              error={form.errors.invited}
            />
            <Group gap={4} component="ul" aria-label={t('opportunities.form.invited')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {values.invited.map((c) => (
                <li key={c.id}>
                  <Badge
                    variant="light"
                    tt="none"
                    rightSection={
                      <CloseButton
                        size="xs"
                        aria-label={t('opportunities.form.uninvite', { name: c.name })}
                        onClick={() =>
                          form.setFieldValue(
                            'invited',
                            form.getValues().invited.filter((x) => x.id !== c.id),
                          )
                        }
                      />
                    }
                  >
                    {c.name}
                  </Badge>
                </li>
              ))}
            </Group>
          </Stack>
        ) : null}
        <Group>
          {opportunity ? (
            <Button type="submit" loading={submitting}>
              {t('common.save')}
            </Button>
          ) : (
            <>
              <Button type="submit" loading={submitting && publish} onClick={() => setPublish(true)}>
                {t('opportunities.form.publish')}
              </Button>
              <Button type="submit" variant="default" loading={submitting && !publish} onClick={() => setPublish(false)}>
                {t('opportunities.form.saveDraft')}
              </Button>
            </>
          )}
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
