import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { adminApi, adminKeys } from '../../../features/admin/api/admin.api';
import { MailView } from '../../../features/admin/components/MailView';

export default function AdminMailPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const mail = useQuery({ queryKey: adminKeys.mail(id), queryFn: () => adminApi.mail(id) });
  return (
    <Page
      title={mail.data?.subject ?? t('mails.title')}
      size="lg"
      actions={
        <Anchor component={Link} to="/admin/e-mails">
          <IconArrowLeft size={14} aria-hidden /> {t('mails.back')}
        </Anchor>
      }
    >
      <QueryContent query={mail} loading={<LoadingLines lines={8} />}>
        {(data) => <MailView mail={data} />}
      </QueryContent>
    </Page>
  );
}
