import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STEERING_DORMANT_DAYS_MAX, STEERING_DORMANT_DAYS_MIN } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notify } from '../../../lib/notify';
import { useSaveSteeringSettings, useSteeringAccess, useSteeringSettings } from '../hooks/useSteering';

/** One organisation's dormant threshold: read by its staff, changed by its administrators. */
function OrganizationThreshold({ organization }: { organization: { id: string; name: string; dormantAfterDays: number } }) {
  const { t } = useTranslation();
  const settings = useSteeringSettings(organization.id);
  const save = useSaveSteeringSettings(organization.id);
  const [editing, setEditing] = useState(false);
  const current = settings.data?.dormantAfterDays ?? organization.dormantAfterDays;
  const [value, setValue] = useState<number | string>(current);
  const valid = Number.isInteger(Number(value)) && Number(value) >= STEERING_DORMANT_DAYS_MIN && Number(value) <= STEERING_DORMANT_DAYS_MAX;
  if (!editing) {
    return (
      <Group gap="sm" justify="space-between">
        <Text size="sm">{t('steering.settings.threshold', { name: organization.name, count: current })}</Text>
        {settings.data?.canEdit ? (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              setValue(current);
              setEditing(true);
            }}
            aria-label={t('steering.settings.editOf', { name: organization.name })}
          >
            {t('common.edit')}
          </Button>
        ) : null}
      </Group>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        save.mutate(Number(value), {
          onSuccess: () => {
            notify.success(t('steering.settings.saved'));
            setEditing(false);
          },
        });
      }}
    >
      <Stack gap="xs">
        <ErrorAlert error={save.error} />
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t('steering.settings.label', { name: organization.name })}
            min={STEERING_DORMANT_DAYS_MIN}
            max={STEERING_DORMANT_DAYS_MAX}
            allowDecimal={false}
            value={value}
            onChange={setValue}
            error={valid ? undefined : t('steering.settings.range', { min: STEERING_DORMANT_DAYS_MIN, max: STEERING_DORMANT_DAYS_MAX })}
            suffix={` ${t('steering.settings.days')}`}
            w={220}
          />
          <Button type="submit" loading={save.isPending} disabled={!valid}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** When a network counts as dormant, per organisation of the person (the alerts of the cockpit follow it). */
export function DormantSettings() {
  const { t } = useTranslation();
  const { access } = useSteeringAccess();
  const organizations = access?.organizations ?? [];
  if (!organizations.length) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="steering-settings">
      <Group gap="xs" mb="xs">
        <IconSettings size={18} aria-hidden />
        <Title order={2} size="h5" id="steering-settings">
          {t('steering.settings.title')}
        </Title>
      </Group>
      <Stack gap="xs">
        {organizations.map((organization) => (
          <OrganizationThreshold key={organization.id} organization={organization} />
        ))}
      </Stack>
    </Paper>
  );
}
