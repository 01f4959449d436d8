import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  REPORT_COMMENT_MAX_LENGTH,
  REPORT_REASONS,
  type CreateReportRequest,
  type ModerationReport,
  type ReportReason,
  type ReportTargetKind,
} from '@maillage/contracts';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { rules, useFormSubmit } from '../lib/forms';
import { api } from '../lib/api';
import { notify } from '../lib/notify';

// Any page that shows content can report it: the call lives with the dialog, not in the moderation feature.
const reportContent = (body: CreateReportRequest) => api.post<ModerationReport>('/moderation/reports', body);

interface ReportDialogProps {
  opened: boolean;
  onClose: () => void;
  targetKind: ReportTargetKind;
  targetId: string;
}

/** Reports content to the network's moderators: a reason and an optional comment. */
export function ReportDialog({ opened, onClose, targetKind, targetId }: ReportDialogProps) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { reason: '' as ReportReason | '', comment: '' },
    validate: { reason: rules.required(t) },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const { onSubmit, error } = useFormSubmit(form, async (values) => {
    await reportContent({ targetKind, targetId, reason: values.reason as ReportReason, comment: values.comment.trim() || undefined });
    notify.success(t('moderation.report.sent'));
    close();
  });

  return (
    <Dialog opened={opened} onClose={close} title={t('moderation.report.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('moderation.report.intro')}</Text>
          <ErrorAlert error={error} />
          <Radio.Group label={t('moderation.report.reason')} withAsterisk {...form.getInputProps('reason')}>
            <Stack gap="xs" mt="xs">
              {REPORT_REASONS.map((reason) => (
                <Radio key={reason} value={reason} label={t(`moderation.reasons.${reason}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('moderation.report.comment')}
            autosize
            minRows={3}
            maxLength={REPORT_COMMENT_MAX_LENGTH}
            {...form.getInputProps('comment')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              {t('moderation.report.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
