import { useState } from 'react';
import { Anchor, Button, Stack, Text, Textarea, Title, Typography } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LegalDocument } from '@maillage/contracts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { legalApi, legalKeys } from '../../lib/legal';
import { notify } from '../../lib/notify';
import { useSession } from '../../lib/session';
import type { LegalPageKey } from '../legal-pages';

/** Platform admins publish a new version in Markdown: everyone is asked to accept it at their next visit. */
function LegalEditor({ kind, current }: { kind: 'terms' | 'privacy'; current: LegalDocument | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(current?.body ?? '');
  const publish = useMutation({
    mutationFn: () => legalApi.publish(kind, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(legalKeys.document(kind), saved);
      void queryClient.invalidateQueries({ queryKey: legalKeys.versions });
      notify.success(t('legalEditor.published', { version: saved.version }));
    },
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="legal-editor">
      <Title order={2} size="h4" id="legal-editor">
        {t('legalEditor.title')}
      </Title>
      <ErrorAlert error={publish.error} />
      <Textarea
        label={t('legalEditor.body')}
        description={t('legalEditor.hint')}
        autosize
        minRows={8}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <div>
        <Button onClick={() => publish.mutate()} loading={publish.isPending} disabled={!body.trim()}>
          {t('legalEditor.publish')}
        </Button>
      </div>
    </Stack>
  );
}

interface LegalSection {
  title: string;
  paragraphs: string[];
}

/**
 * The platform's information pages (legal notice, terms, privacy, accessibility statement, contact): their text
 * is in the translations, to be completed by the host organisation that runs the platform.
 */
export default function LegalPage({ page }: { page: LegalPageKey }) {
  const { t } = useTranslation();
  const sections = t(`legal.${page}.sections`, { returnObjects: true }) as LegalSection[];
  const { isAdmin } = useSession();
  const versioned = page === 'terms' || page === 'privacy' ? page : null;
  // The published version (Markdown edited by admins) replaces the default text in the translations.
  const published = useQuery({
    queryKey: legalKeys.document(versioned ?? 'terms'),
    queryFn: () => legalApi.document(versioned ?? 'terms'),
    enabled: versioned !== null,
    retry: (count, error) => !isApiError(error, 404) && count < 2,
  });
  const doc = versioned && published.data ? published.data : null;
  return (
    <Page
      title={t(`legal.${page}.title`)}
      description={doc ? t('legalEditor.version', { version: doc.version, date: formatDate(doc.publishedAt) }) : t(`legal.${page}.lead`)}
      size="md"
    >
      <Stack gap="lg">
        {/* The page has its h1: the text's headings go one level down. */}
        {doc ? (
          <Typography
            dangerouslySetInnerHTML={{
              __html: doc.html.replace(/<(\/?)h([1-5])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`),
            }}
          />
        ) : null}
        {versioned && published.isError && !isApiError(published.error, 404) ? (
          <ErrorAlert error={published.error} onRetry={() => void published.refetch()} />
        ) : null}
        {doc
          ? null
          : sections.map((section) => (
              <Stack gap="xs" component="section" key={section.title}>
                <Title order={2} size="h4">
                  {section.title}
                </Title>
                {section.paragraphs.map((paragraph) => (
                  <Text key={paragraph}>{paragraph}</Text>
                ))}
              </Stack>
            ))}
        {page === 'contact' ? (
          <Text>
            <Anchor href={`mailto:${t('legal.contact.email')}`}>{t('legal.contact.email')}</Anchor>
          </Text>
        ) : null}
        {versioned && isAdmin && !published.isPending ? <LegalEditor key={doc?.version ?? 0} kind={versioned} current={doc} /> : null}
      </Stack>
    </Page>
  );
}
