import { Card, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxMail } from '@maillage/contracts';
import { DetailList } from '../../../components/DetailList';
import { LinkifiedText } from '../../../components/LinkifiedText';
import { formatDateTime } from '../../../lib/dates';
import { MailStatus } from './MailsAdmin';

/** One e-mail: its envelope, its text with clickable links, and its HTML in a locked-down frame. */
export function MailView({ mail }: { mail: OutboxMail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <DetailList
        items={[
          { label: t('mails.to'), value: mail.to },
          { label: t('mails.date'), value: formatDateTime(mail.createdAt) },
          { label: t('mails.sentAt'), value: mail.sentAt ? formatDateTime(mail.sentAt) : null },
          { label: t('mails.statusLabel'), value: <MailStatus status={mail.status} /> },
          { label: t('mails.template'), value: mail.template },
        ]}
      />
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">{t('mails.textVersion')}</Tabs.Tab>
          <Tabs.Tab value="html">{t('mails.htmlVersion')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <Card withBorder padding="lg">
            <LinkifiedText text={mail.text} />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="html" pt="md">
          {/* sandbox="": no scripts, no forms, no navigation; the text version carries the usable links. */}
          <iframe
            title={t('mails.htmlFrame', { subject: mail.subject })}
            sandbox=""
            srcDoc={mail.html}
            style={{ width: '100%', minHeight: 480, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, background: '#fff' }}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
