import { Badge, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KnownDeviceView } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import { authApi } from '../api/auth.api';

const devicesKey = ['auth', 'devices'] as const;

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox · Windows" from a browser's self-description; null when nothing is recognised. */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return [browser, system].filter(Boolean).join(' · ') || null;
}

/** The browsers that signed in to the account; each can be forgotten (and signed out). */
export function KnownDevices() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const devices = useQuery({ queryKey: devicesKey, queryFn: ({ signal }) => authApi.devices(signal) });
  const revoke = useMutation({
    mutationFn: (device: KnownDeviceView) => authApi.revokeDevice(device.id),
    onSuccess: () => {
      notify.success(t('devices.revoked'));
      return queryClient.invalidateQueries({ queryKey: devicesKey });
    },
  });

  return (
    <QueryContent query={devices} loading={<LoadingLines lines={4} />}>
      {(list) =>
        list.length === 0 ? (
          <Text c="dimmed">{t('devices.none')}</Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('devices.listLabel')}>
            {list.map((device) => {
              const name = describeUserAgent(device.userAgent) ?? t('devices.unknown');
              return (
                <Group key={device.id} component="li" justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text fw={600}>{name}</Text>
                      {device.current ? <Badge variant="light">{t('devices.current')}</Badge> : null}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t('devices.lastUsed', { date: formatDateTime(device.lastUsedAt) })} ·{' '}
                      {t('devices.sessions', { count: device.sessions })}
                    </Text>
                  </Stack>
                  {device.current ? null : (
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      size="xs"
                      aria-label={t('devices.revokeNamed', { name })}
                      title={t('devices.revokeTitle')}
                      message={t('devices.revokeText', { name })}
                      confirmLabel={t('devices.revoke')}
                      onConfirm={() => revoke.mutateAsync(device)}
                    >
                      {t('devices.revoke')}
                    </ConfirmButton>
                  )}
                </Group>
              );
            })}
          </Stack>
        )
      }
    </QueryContent>
  );
}
