import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCamera, IconCameraOff, IconQrcode } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { parseCheckInCode, type AgendaAttendee, type AgendaCodeCheckIn } from '@maillage/contracts';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { agendaApi, agendaKeys } from '../api/agenda.api';

interface Outcome {
  ok: boolean;
  text: string;
}

/**
 * Check-in at the door: the organiser scans the QR code of a registration with the phone's camera (ZXing, loaded
 * only when asked) or types its code; the person is checked in and named, so that the organiser can greet them.
 */
export function CheckInByCode({ eventId, initialCode }: { eventId: string; initialCode?: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(initialCode ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const lastScan = useRef<{ text: string; at: number } | null>(null);

  const submit = async (input: string) => {
    if (!parseCheckInCode(input)) {
      setOutcome({ ok: false, text: t('agenda.checkIn.malformed') });
      return;
    }
    setBusy(true);
    try {
      const result: AgendaCodeCheckIn = await agendaApi.checkInByCode(eventId, input);
      queryClient.setQueryData<AgendaAttendee[]>(agendaKeys.attendees(eventId), (list) =>
        list?.map((a) => (a.id === result.attendee.id ? result.attendee : a)),
      );
      setOutcome({
        ok: true,
        text: result.alreadyCheckedIn
          ? t('agenda.checkIn.already', { name: result.attendee.name, time: formatDateTime(result.attendee.checkedInAt ?? '') })
          : t('agenda.checkIn.done', { name: result.attendee.name }),
      });
      setCode('');
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  // The address of a QR code opened with the phone's own camera app lands here with its code: checked in at once.
  const submitted = useRef(false);
  useEffect(() => {
    if (initialCode && !submitted.current) {
      submitted.current = true;
      void submit(initialCode);
    }
  }, [initialCode]);

  useEffect(() => {
    if (!scanning || !video.current) return;
    let stopped = false;
    let stop: (() => void) | null = null;
    void (async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const reader = new BrowserQRCodeReader();
        const element = video.current;
        if (!element) return;
        const controls = await reader.decodeFromConstraints({ video: { facingMode: 'environment' } }, element, (result) => {
          if (!result) return;
          const text = result.getText();
          // The same code stays in front of the camera for a while: one request for it.
          const now = Date.now();
          if (lastScan.current && lastScan.current.text === text && now - lastScan.current.at < 4000) return;
          lastScan.current = { text, at: now };
          void submit(text);
        });
        if (stopped) controls.stop();
        else stop = () => controls.stop();
      } catch {
        setCameraError(t('agenda.checkIn.cameraUnavailable'));
        setScanning(false);
      }
    })();
    return () => {
      stopped = true;
      stop?.();
    };
  }, [scanning]);

  return (
    <Paper id="presence" withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group gap="xs">
          <IconQrcode size={20} aria-hidden />
          <Text fw={600}>{t('agenda.checkIn.title')}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('agenda.checkIn.hint')}
        </Text>
        <Button
          variant={scanning ? 'default' : 'filled'}
          leftSection={scanning ? <IconCameraOff size={18} aria-hidden /> : <IconCamera size={18} aria-hidden />}
          onClick={() => {
            setCameraError(null);
            setScanning((on) => !on);
          }}
          style={{ alignSelf: 'flex-start' }}
        >
          {scanning ? t('agenda.checkIn.stopScan') : t('agenda.checkIn.scan')}
        </Button>
        {scanning ? (
          <video
            ref={video}
            muted
            playsInline
            aria-label={t('agenda.checkIn.camera')}
            style={{ width: '100%', maxWidth: 360, borderRadius: 8, background: '#000' }}
          />
        ) : null}
        {cameraError ? (
          <Alert color="orange" variant="light">
            {cameraError}
          </Alert>
        ) : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit(code);
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('agenda.checkIn.code')}
              placeholder="3F9A-0B12-C4D5-E6F7"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              style={{ flex: '1 1 200px' }}
              styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
            />
            <Button type="submit" loading={busy} disabled={!code.trim()}>
              {t('agenda.checkIn.submit')}
            </Button>
          </Group>
        </form>
        <div role="status" aria-live="polite">
          {outcome ? (
            <Alert color={outcome.ok ? 'teal' : 'red'} variant="light">
              {outcome.text}
            </Alert>
          ) : null}
        </div>
      </Stack>
    </Paper>
  );
}
