import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Image, List, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TwoFactorEnrolment as Enrolment } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { useSessionActions } from '../../../lib/session';
import { authApi } from '../api/auth.api';
import { PasswordField } from './PasswordField';

const statusKey = ['auth', 'two-factor'] as const;

/** The code field: six digits from the app, or a recovery code. */
export function TwoFactorCodeField(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('accounts.twoFactor.code')}
      description={t('accounts.twoFactor.codeHint')}
      autoComplete="one-time-code"
      spellCheck={false}
      maxLength={20}
      required
      {...props}
    />
  );
}

/** Recovery codes, shown once, with what to do with them. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert role="status" color="teal" variant="light" title={t('accounts.twoFactor.codesTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('accounts.twoFactor.codesText')}</Text>
        <List
          aria-label={t('accounts.twoFactor.codesLabel')}
          styles={{ item: { fontFamily: 'monospace' } }}
          listStyleType="none"
          spacing={2}
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Group>
          <Button onClick={onDone}>{t('accounts.twoFactor.codesDone')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Setting two-factor sign-in up: a secret to scan, a first code, then the recovery codes. */
export function TwoFactorEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSessionActions();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const form = useForm({ initialValues: { code: '' }, validate: { code: rules.required(t) } });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    // The session is told only once the codes are noted: the enrolment gate would otherwise close over them.
    setCodes((await authApi.confirmTwoFactor(values.code.trim())).codes);
  });

  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      setEnrolment(await authApi.startTwoFactor());
    } catch (caught) {
      setStartError(caught);
    } finally {
      setStarting(false);
    }
  };

  if (codes) {
    return (
      <RecoveryCodesPanel
        codes={codes}
        onDone={() => {
          void queryClient.invalidateQueries({ queryKey: statusKey });
          session.update({ twoFactorEnabled: true, mustEnrolTwoFactor: false });
          onDone();
        }}
      />
    );
  }
  if (!enrolment) {
    return (
      <Stack gap="sm" align="flex-start">
        <ErrorAlert error={startError} />
        <Text size="sm">{t('accounts.twoFactor.startText')}</Text>
        <Button onClick={() => void start()} loading={starting}>
          {t('accounts.twoFactor.start')}
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Text size="sm">{t('accounts.twoFactor.scan')}</Text>
        <Image src={enrolment.qrCode} alt={t('accounts.twoFactor.qrAlt')} w={200} h={200} fit="contain" bg="white" />
        <Text size="sm">
          {t('accounts.twoFactor.manual')} <Code style={{ wordBreak: 'break-all' }}>{enrolment.secret}</Code>
        </Text>
        <TwoFactorCodeField inputMode="numeric" {...form.getInputProps('code')} />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('accounts.twoFactor.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Profile → two-factor sign-in: status, set-up, new recovery codes, turning it off. */
export function TwoFactorSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: statusKey, queryFn: ({ signal }) => authApi.twoFactor(signal) });
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: statusKey });

  const regenerate = useForm({ initialValues: { code: '' }, validate: { code: rules.required(t) } });
  const regenerating = useFormSubmit(regenerate, async (values) => {
    setCodes((await authApi.regenerateRecoveryCodes(values.code.trim())).codes);
    regenerate.reset();
  });
  const disable = useForm({
    initialValues: { password: '', code: '' },
    validate: { password: rules.required(t), code: rules.required(t) },
  });
  const disabling = useFormSubmit(disable, async (values) => {
    await authApi.disableTwoFactor(values.password, values.code.trim());
    disable.reset();
    notify.success(t('accounts.twoFactor.disabled'));
    await refresh();
  });

  return (
    <QueryContent query={status} loading={<LoadingLines lines={3} />}>
      {(current) =>
        !current.enabled ? (
          <Stack gap="sm">
            {current.required ? (
              <Alert color="orange" variant="light">
                {t('accounts.twoFactor.requiredText')}
              </Alert>
            ) : null}
            <Group gap="xs">
              <Text fw={600}>{t('accounts.twoFactor.statusLabel')}</Text>
              <Badge color="gray" variant="light">
                {t('accounts.twoFactor.off')}
              </Badge>
            </Group>
            <TwoFactorEnrolment onDone={() => void refresh()} />
          </Stack>
        ) : (
          <Stack gap="lg">
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={600}>{t('accounts.twoFactor.statusLabel')}</Text>
                <Badge color="teal" variant="light">
                  {t('accounts.twoFactor.on')}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('accounts.twoFactor.codesLeft', { count: current.recoveryCodesLeft })}
              </Text>
            </Stack>
            {codes ? (
              <RecoveryCodesPanel
                codes={codes}
                onDone={() => {
                  setCodes(null);
                  void refresh();
                }}
              />
            ) : (
              <form onSubmit={regenerating.onSubmit} noValidate aria-labelledby="two-factor-regenerate">
                <Stack gap="sm">
                  <Text fw={600} id="two-factor-regenerate">
                    {t('accounts.twoFactor.regenerateTitle')}
                  </Text>
                  <ErrorAlert error={regenerating.error} />
                  <TwoFactorCodeField {...regenerate.getInputProps('code')} />
                  <Group>
                    <Button type="submit" variant="outline" loading={regenerating.submitting}>
                      {t('accounts.twoFactor.regenerate')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
            {current.required ? (
              <Text size="sm" c="dimmed">
                {t('accounts.twoFactor.requiredKeep')}
              </Text>
            ) : (
              <form onSubmit={disabling.onSubmit} noValidate aria-labelledby="two-factor-disable">
                <Stack gap="sm">
                  <Text fw={600} id="two-factor-disable">
                    {t('accounts.twoFactor.disableTitle')}
                  </Text>
                  <ErrorAlert error={disabling.error} />
                  <PasswordField label={t('fields.password')} required {...disable.getInputProps('password')} />
                  <TwoFactorCodeField {...disable.getInputProps('code')} />
                  <Group>
                    <Button type="submit" color="red" variant="outline" loading={disabling.submitting}>
                      {t('accounts.twoFactor.disable')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </Stack>
        )
      }
    </QueryContent>
  );
}
