import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_TYPES,
  FUNDING_KINDS,
  NETWORK_NEEDS,
  PARTNER_ROLES,
  STEERING_COMMENT_MAX,
  STEERING_FTE_MAX,
  STEERING_LIST_MAX,
  STEERING_NUMBER_MAX,
  STEERING_TITLE_MAX,
  type AgreementType,
  type FundingKind,
  type NetworkNeed,
  type NetworkSheet,
  type PartnerRole,
} from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { emptyToNull, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { formatDay, formatEuros, formatNumber } from '../hooks/format';
import { useNetworkSheet, useSaveSheet } from '../hooks/useSteering';

type NumberValue = number | string;
const toNumberOrNull = (value: NumberValue): number | null => (value === '' || value === null ? null : Number(value));

function Block({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={4} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text component="dt" size="sm" c="dimmed" style={{ minWidth: '11rem' }}>
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {value || '—'}
      </Text>
    </Group>
  );
}

function SheetView({ sheet }: { sheet: NetworkSheet }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Block id="sheet-needs" title={t('steering.sheet.needs')}>
        {sheet.needs.length ? (
          <Group gap={6}>
            {sheet.needs.map((need) => (
              <Badge key={need} variant="light">
                {t(`steering.sheet.needValues.${need}`)}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm">{t('steering.sheet.noNeeds')}</Text>
        )}
        {sheet.needsComment ? (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-line' }}>
            {sheet.needsComment}
          </Text>
        ) : null}
      </Block>
      <Block id="sheet-partners" title={t('steering.sheet.partners')}>
        {sheet.partners.length ? (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sheet.partners.map((partner, i) => (
              <Text key={i} component="li" size="sm">
                <strong>{partner.name}</strong> · {t(`steering.sheet.roles.${partner.role}`)}
                {partner.comment ? ` — ${partner.comment}` : ''}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t('steering.sheet.noPartners')}</Text>
        )}
      </Block>
      <Block id="sheet-governance" title={t('steering.sheet.governance')}>
        <Stack gap={4} component="dl" m={0}>
          <Row label={t('steering.sheet.president')} value={sheet.governance.president} />
          <Row label={t('steering.sheet.board')} value={sheet.governance.board.join(', ')} />
          <Row label={t('steering.sheet.cciElectedReferent')} value={sheet.governance.cciElectedReferent} />
          {sheet.governance.comment ? <Row label={t('steering.sheet.comment')} value={sheet.governance.comment} /> : null}
        </Stack>
      </Block>
      <Block id="sheet-agreement" title={t('steering.sheet.agreement')}>
        <Stack gap={4} component="dl" m={0}>
          <Row label={t('steering.sheet.agreementType')} value={t(`steering.sheet.agreementTypes.${sheet.agreement.type}`)} />
          <Row label={t('steering.sheet.startDate')} value={sheet.agreement.startDate ? formatDay(sheet.agreement.startDate) : null} />
          <Row
            label={t('steering.sheet.reviewDate')}
            value={
              sheet.agreement.reviewDate ? (
                <>
                  {formatDay(sheet.agreement.reviewDate)}{' '}
                  {sheet.agreement.reviewOverdue ? (
                    <Badge color="orange" size="sm">
                      {t('steering.sheet.reviewOverdue')}
                    </Badge>
                  ) : null}
                </>
              ) : null
            }
          />
          <Row
            label={t('steering.sheet.fte')}
            value={sheet.agreement.fte === null ? null : t('steering.sheet.fteValue', { fte: formatNumber(sheet.agreement.fte, 2) })}
          />
          {sheet.agreement.comment ? <Row label={t('steering.sheet.comment')} value={sheet.agreement.comment} /> : null}
        </Stack>
      </Block>
      <Block id="sheet-funding" title={t('steering.sheet.funding')}>
        {sheet.funding.length ? (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sheet.funding.map((source, i) => (
              <Text key={i} component="li" size="sm">
                <strong>{t(`steering.sheet.fundingKinds.${source.kind}`)}</strong>
                {source.label ? ` · ${source.label}` : ''}
                {source.amount !== null ? ` · ${t('steering.sheet.perYear', { amount: formatEuros(source.amount) })}` : ''}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t('steering.sheet.noFunding')}</Text>
        )}
      </Block>
    </SimpleGrid>
  );
}

function SheetForm({ sheet, networkId, onDone }: { sheet: NetworkSheet; networkId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSheet(networkId);
  const form = useForm({
    initialValues: {
      needs: sheet.needs as string[],
      needsComment: sheet.needsComment ?? '',
      partners: sheet.partners.map((p) => ({ name: p.name, role: p.role as PartnerRole, comment: p.comment ?? '' })),
      president: sheet.governance.president ?? '',
      board: sheet.governance.board,
      cciElectedReferent: sheet.governance.cciElectedReferent ?? '',
      governanceComment: sheet.governance.comment ?? '',
      agreementType: sheet.agreement.type as AgreementType,
      startDate: sheet.agreement.startDate ?? '',
      reviewDate: sheet.agreement.reviewDate ?? '',
      fte: (sheet.agreement.fte ?? '') as NumberValue,
      agreementComment: sheet.agreement.comment ?? '',
      funding: sheet.funding.map((f) => ({ kind: f.kind as FundingKind, label: f.label ?? '', amount: (f.amount ?? '') as NumberValue })),
    },
    validate: {
      partners: { name: (value) => (value.trim() ? null : t('validation.required')) },
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    await save.mutateAsync({
      needs: values.needs as NetworkNeed[],
      needsComment: emptyToNull(values.needsComment),
      partners: values.partners.map((p) => ({ name: p.name.trim(), role: p.role, comment: emptyToNull(p.comment) })),
      governance: {
        president: emptyToNull(values.president),
        board: values.board.map((name) => name.trim()).filter(Boolean),
        cciElectedReferent: emptyToNull(values.cciElectedReferent),
        comment: emptyToNull(values.governanceComment),
      },
      agreement: {
        type: values.agreementType,
        startDate: values.startDate || null,
        reviewDate: values.reviewDate || null,
        fte: toNumberOrNull(values.fte),
        comment: emptyToNull(values.agreementComment),
      },
      funding: values.funding.map((f) => ({ kind: f.kind, label: emptyToNull(f.label), amount: toNumberOrNull(f.amount) })),
    });
    notify.success(t('steering.sheet.saved'));
    onDone();
  });
  const values = form.getValues();
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Block id="sheet-needs-form" title={t('steering.sheet.needs')}>
          <Checkbox.Group label={t('steering.sheet.needsLabel')} {...form.getInputProps('needs')}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs">
              {NETWORK_NEEDS.map((need) => (
                <Checkbox key={need} value={need} label={t(`steering.sheet.needValues.${need}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            mt="sm"
            label={t('steering.sheet.needsComment')}
            autosize
            minRows={2}
            maxLength={STEERING_COMMENT_MAX}
            {...form.getInputProps('needsComment')}
          />
        </Block>
        <Block id="sheet-partners-form" title={t('steering.sheet.partners')}>
          <Stack gap="sm">
            {values.partners.map((_, i) => (
              <Group key={form.key(`partners.${i}`)} align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  label={t('steering.sheet.partnerName')}
                  required
                  maxLength={STEERING_TITLE_MAX}
                  style={{ flex: '2 1 12rem' }}
                  {...form.getInputProps(`partners.${i}.name`)}
                />
                <Select
                  label={t('steering.sheet.partnerRole')}
                  data={PARTNER_ROLES.map((role) => ({ value: role, label: t(`steering.sheet.roles.${role}`) }))}
                  allowDeselect={false}
                  style={{ flex: '1 1 9rem' }}
                  {...form.getInputProps(`partners.${i}.role`)}
                />
                <TextInput
                  label={t('steering.sheet.comment')}
                  maxLength={STEERING_COMMENT_MAX}
                  style={{ flex: '2 1 12rem' }}
                  {...form.getInputProps(`partners.${i}.comment`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  onClick={() => form.removeListItem('partners', i)}
                  aria-label={t('steering.sheet.removePartner', { index: i + 1 })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {values.partners.length < STEERING_LIST_MAX ? (
              <Group>
                <Button
                  variant="default"
                  size="sm"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.insertListItem('partners', { name: '', role: 'funder', comment: '' })}
                >
                  {t('steering.sheet.addPartner')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Block>
        <Block id="sheet-governance-form" title={t('steering.sheet.governance')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('steering.sheet.president')} maxLength={STEERING_TITLE_MAX} {...form.getInputProps('president')} />
            <TextInput
              label={t('steering.sheet.cciElectedReferent')}
              maxLength={STEERING_TITLE_MAX}
              {...form.getInputProps('cciElectedReferent')}
            />
            <TagsInput
              label={t('steering.sheet.board')}
              description={t('steering.sheet.boardHint')}
              maxTags={STEERING_LIST_MAX}
              {...form.getInputProps('board')}
            />
            <Textarea
              label={t('steering.sheet.comment')}
              autosize
              minRows={1}
              maxLength={STEERING_COMMENT_MAX}
              {...form.getInputProps('governanceComment')}
            />
          </SimpleGrid>
        </Block>
        <Block id="sheet-agreement-form" title={t('steering.sheet.agreement')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('steering.sheet.agreementType')}
              data={AGREEMENT_TYPES.map((type) => ({ value: type, label: t(`steering.sheet.agreementTypes.${type}`) }))}
              allowDeselect={false}
              {...form.getInputProps('agreementType')}
            />
            <NumberInput
              label={t('steering.sheet.fte')}
              description={t('steering.sheet.fteHint')}
              min={0}
              max={STEERING_FTE_MAX}
              decimalScale={2}
              decimalSeparator=","
              {...form.getInputProps('fte')}
            />
            <TextInput type="date" label={t('steering.sheet.startDate')} {...form.getInputProps('startDate')} />
            <TextInput type="date" label={t('steering.sheet.reviewDate')} {...form.getInputProps('reviewDate')} />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('steering.sheet.comment')}
            autosize
            minRows={1}
            maxLength={STEERING_COMMENT_MAX}
            {...form.getInputProps('agreementComment')}
          />
        </Block>
        <Block id="sheet-funding-form" title={t('steering.sheet.funding')}>
          <Stack gap="sm">
            {values.funding.map((_, i) => (
              <Group key={form.key(`funding.${i}`)} align="flex-end" gap="xs" wrap="wrap">
                <Select
                  label={t('steering.sheet.fundingKind')}
                  data={FUNDING_KINDS.map((kind) => ({ value: kind, label: t(`steering.sheet.fundingKinds.${kind}`) }))}
                  allowDeselect={false}
                  style={{ flex: '1 1 10rem' }}
                  {...form.getInputProps(`funding.${i}.kind`)}
                />
                <TextInput
                  label={t('steering.sheet.fundingLabel')}
                  maxLength={STEERING_TITLE_MAX}
                  style={{ flex: '2 1 12rem' }}
                  {...form.getInputProps(`funding.${i}.label`)}
                />
                <NumberInput
                  label={t('steering.sheet.amount')}
                  min={0}
                  max={STEERING_NUMBER_MAX}
                  decimalScale={2}
                  decimalSeparator=","
                  thousandSeparator=" "
                  suffix=" €"
                  style={{ flex: '1 1 8rem' }}
                  {...form.getInputProps(`funding.${i}.amount`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  onClick={() => form.removeListItem('funding', i)}
                  aria-label={t('steering.sheet.removeFunding', { index: i + 1 })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {values.funding.length < STEERING_LIST_MAX ? (
              <Group>
                <Button
                  variant="default"
                  size="sm"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.insertListItem('funding', { kind: 'membership_fees', label: '', amount: '' })}
                >
                  {t('steering.sheet.addFunding')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Block>
        <FormActions submitting={submitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The network's sheet for the regional schema: needs, partners, governance, agreement with the CCI, funding. */
export function SheetPanel({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const sheet = useNetworkSheet(networkId);
  const [editing, setEditing] = useState(false);
  return (
    <QueryContent query={sheet}>
      {(loaded) => (
        <Stack gap="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {loaded.updatedAt
                ? t('steering.sheet.updated', { date: formatDateTime(loaded.updatedAt), name: loaded.updatedBy?.name ?? '—' })
                : t('steering.sheet.neverSaved')}
            </Text>
            {loaded.canEdit && !editing ? (
              <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('steering.sheet.edit')}
              </Button>
            ) : null}
          </Group>
          {editing ? <SheetForm sheet={loaded} networkId={networkId} onDone={() => setEditing(false)} /> : <SheetView sheet={loaded} />}
        </Stack>
      )}
    </QueryContent>
  );
}
