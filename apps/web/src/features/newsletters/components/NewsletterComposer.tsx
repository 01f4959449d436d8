import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Menu,
  MultiSelect,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import {
  COMPANY_ROLES,
  NEWSLETTER_SUBJECT_MAX,
  type CompanyRole,
  type Newsletter,
  type NewsletterBlock,
  type NewsletterBlockKind,
  type NewsletterDraftRequest,
  type NewsletterPlatformKind,
  type NewsletterPreview,
} from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { newsletterKeys, newslettersApi } from '../api/newsletters.api';
import { NewsletterFrame } from './NewsletterFrame';

const KINDS: NewsletterBlockKind[] = ['text', 'events', 'topics', 'documents', 'members', 'opportunities'];
const WIDTHS = { desktop: 640, phone: 375 } as const;

interface ComposerProps {
  /** The draft being edited, or null for a new one. */
  newsletter: Newsletter | null;
  /** The network the new newsletter starts with. */
  initialNetworkId?: string;
  /** After the first save (the page moves to the saved draft's address; `openPreview`: show its preview there). */
  onCreated: (saved: Newsletter, openPreview: boolean) => void;
}

/** Writing a newsletter: subject, networks, audience and blocks, then preview, test, schedule or send. */
export function NewsletterComposer({ newsletter, initialNetworkId, onCreated }: ComposerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const writable = useQuery({ queryKey: newsletterKeys.writable, queryFn: newslettersApi.writable });
  const [subject, setSubject] = useState(newsletter?.subject ?? '');
  const [networkIds, setNetworkIds] = useState<string[]>(
    newsletter?.networks.map((n) => n.id) ?? (initialNetworkId ? [initialNetworkId] : []),
  );
  const [blocks, setBlocks] = useState<NewsletterBlock[]>(newsletter?.blocks ?? [{ kind: 'text', markdown: '' }]);
  const [roles, setRoles] = useState<string[]>(newsletter?.audience.companyRoles ?? []);
  const [departements, setDepartements] = useState<string[]>(newsletter?.audience.departements ?? []);
  const [nafCodes, setNafCodes] = useState<string[]>(newsletter?.audience.nafCodes ?? []);
  const [preview, setPreview] = useState<NewsletterPreview | null>(null);
  const [width, setWidth] = useState<keyof typeof WIDTHS>('desktop');
  const [scheduledAt, setScheduledAt] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const draft = (): NewsletterDraftRequest => ({
    subject,
    networkIds,
    blocks,
    audience: { companyRoles: roles as CompanyRole[], departements, nafCodes },
  });

  /** Saves the draft (creating it the first time) and returns its id. */
  const save = async (openPreview = false): Promise<string> => {
    const saved = newsletter ? await newslettersApi.update(newsletter.id, draft()) : await newslettersApi.create(draft());
    queryClient.setQueryData(newsletterKeys.one(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: newsletterKeys.all });
    if (!newsletter) onCreated(saved, openPreview);
    return saved.id;
  };

  const act = (name: string, work: () => Promise<unknown>) => async () => {
    setBusy(name);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
      notify.error(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  // Arrived from the new-newsletter page by asking for a preview: show it.
  const location = useLocation();
  const openPreview = !!newsletter && (location.state as { openPreview?: boolean } | null)?.openPreview === true;
  const newsletterId = newsletter?.id;
  useEffect(() => {
    if (openPreview && newsletterId) void newslettersApi.preview(newsletterId).then(setPreview, setError);
  }, [openPreview, newsletterId]);

  const addBlock = (kind: NewsletterBlockKind) =>
    act(`add-${kind}`, async () => {
      if (kind === 'text') return setBlocks((current) => [...current, { kind: 'text', markdown: '' }]);
      const suggestion = await newslettersApi.suggest(kind as NewsletterPlatformKind, networkIds);
      setBlocks((current) => [...current, { kind: suggestion.kind, title: suggestion.title, items: suggestion.items }]);
    })();

  const change = (index: number, block: NewsletterBlock) => setBlocks((current) => current.map((b, i) => (i === index ? block : b)));
  const move = (index: number, by: number) =>
    setBlocks((current) => {
      const next = [...current];
      const [block] = next.splice(index, 1);
      next.splice(index + by, 0, block);
      return next;
    });

  const networkOptions = (writable.data ?? []).map((n) => ({ value: n.id, label: n.name }));

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Stack gap="md">
          <TextInput
            label={t('newsletters.subject')}
            required
            maxLength={NEWSLETTER_SUBJECT_MAX}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('newsletters.networks')}
            description={t('newsletters.networksHelp')}
            data={networkOptions}
            value={networkIds}
            onChange={setNetworkIds}
            searchable
            required
          />
          <Group grow align="flex-start">
            <MultiSelect
              label={t('newsletters.audience.roles')}
              description={t('newsletters.audience.rolesHelp')}
              data={COMPANY_ROLES.map((role) => ({ value: role, label: t(`newsletters.audience.role.${role}`) }))}
              value={roles}
              onChange={setRoles}
              clearable
            />
            <TagsInput
              label={t('newsletters.audience.nafCodes')}
              description={t('newsletters.audience.nafCodesHelp')}
              value={nafCodes}
              onChange={setNafCodes}
              clearable
            />
            <TagsInput
              label={t('newsletters.audience.departements')}
              description={t('newsletters.audience.departementsHelp')}
              value={departements}
              onChange={setDepartements}
              clearable
            />
          </Group>
        </Stack>
      </Card>

      <Stack gap="md">
        <Title order={2} size="h3">
          {t('newsletters.blocks.title')}
        </Title>
        {blocks.length === 0 ? <Text c="dimmed">{t('newsletters.blocks.empty')}</Text> : null}
        {blocks.map((block, index) => (
          <Card key={index} withBorder padding="md" component="section" aria-label={t(`newsletters.blocks.kinds.${block.kind}`)}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t(`newsletters.blocks.kinds.${block.kind}`)}</Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('newsletters.blocks.up')}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <IconArrowUp size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('newsletters.blocks.down')}
                    disabled={index === blocks.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <IconArrowDown size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('newsletters.blocks.remove')}
                    onClick={() => setBlocks((current) => current.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
              {block.kind === 'text' ? (
                <Textarea
                  label={t('newsletters.blocks.markdown')}
                  description={t('newsletters.blocks.markdownHelp')}
                  autosize
                  minRows={4}
                  value={block.markdown}
                  onChange={(e) => change(index, { ...block, markdown: e.currentTarget.value })}
                />
              ) : (
                <>
                  <TextInput
                    label={t('newsletters.blocks.heading')}
                    value={block.title}
                    onChange={(e) => change(index, { ...block, title: e.currentTarget.value })}
                  />
                  {block.items.length === 0 ? (
                    <Text c="dimmed" size="sm">
                      {t('newsletters.blocks.noItems')}
                    </Text>
                  ) : null}
                  {block.items.map((item, at) => (
                    <Group key={at} align="flex-end" wrap="nowrap" gap="xs">
                      <TextInput
                        style={{ flex: 2 }}
                        label={t('newsletters.blocks.itemTitle', { n: at + 1 })}
                        value={item.title}
                        onChange={(e) =>
                          change(index, {
                            ...block,
                            items: block.items.map((x, j) => (j === at ? { ...x, title: e.currentTarget.value } : x)),
                          })
                        }
                      />
                      <TextInput
                        style={{ flex: 3 }}
                        label={t('newsletters.blocks.itemDetail', { n: at + 1 })}
                        value={item.detail}
                        onChange={(e) =>
                          change(index, {
                            ...block,
                            items: block.items.map((x, j) => (j === at ? { ...x, detail: e.currentTarget.value } : x)),
                          })
                        }
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={t('newsletters.blocks.removeItem', { title: item.title })}
                        onClick={() => change(index, { ...block, items: block.items.filter((_, j) => j !== at) })}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                </>
              )}
            </Stack>
          </Card>
        ))}
        <Menu position="bottom-start">
          <Menu.Target>
            <Button
              variant="light"
              leftSection={<IconPlus size={18} aria-hidden />}
              loading={busy?.startsWith('add-')}
              disabled={!networkIds.length}
              w="fit-content"
            >
              {t('newsletters.blocks.add')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {KINDS.map((kind) => (
              <Menu.Item key={kind} onClick={() => void addBlock(kind)}>
                {t(`newsletters.blocks.kinds.${kind}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Stack>

      {error ? <ErrorAlert error={error} /> : null}

      <Card withBorder padding="lg">
        <Stack gap="md">
          <Group gap="sm">
            <Button
              variant="default"
              loading={busy === 'save'}
              onClick={act('save', async () => (await save(), notify.success(t('newsletters.saved'))))}
            >
              {t('newsletters.saveDraft')}
            </Button>
            <Button
              variant="default"
              loading={busy === 'preview'}
              onClick={act('preview', async () => {
                const id = await save(true);
                if (newsletter) setPreview(await newslettersApi.preview(id));
              })}
            >
              {t('newsletters.preview.show')}
            </Button>
            <Button
              variant="default"
              loading={busy === 'test'}
              onClick={act('test', async () => (await newslettersApi.sendTest(await save()), notify.success(t('newsletters.testSent'))))}
            >
              {t('newsletters.sendTest')}
            </Button>
          </Group>
          <Group gap="sm" align="flex-end">
            <TextInput
              type="datetime-local"
              label={t('newsletters.scheduleAt')}
              value={scheduledAt}
              onChange={(e) => setScheduledAt(e.currentTarget.value)}
            />
            <Button
              variant="light"
              disabled={!scheduledAt}
              loading={busy === 'schedule'}
              onClick={act('schedule', async () => {
                const id = await save();
                const sent = await newslettersApi.send(id, new Date(scheduledAt).toISOString());
                queryClient.setQueryData(newsletterKeys.one(id), sent);
                notify.success(t('newsletters.scheduled'));
              })}
            >
              {t('newsletters.schedule')}
            </Button>
            <ConfirmButton
              title={t('newsletters.sendNowTitle')}
              message={t('newsletters.sendNowMessage')}
              confirmLabel={t('newsletters.sendNow')}
              onConfirm={async () => {
                const id = await save();
                const sent = await newslettersApi.send(id, null);
                queryClient.setQueryData(newsletterKeys.one(id), sent);
                await queryClient.invalidateQueries({ queryKey: newsletterKeys.all });
                notify.success(t('newsletters.sending'));
              }}
            >
              {t('newsletters.sendNow')}
            </ConfirmButton>
          </Group>
        </Stack>
      </Card>

      {preview ? (
        <Stack gap="sm" component="section" aria-label={t('newsletters.preview.title')}>
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t('newsletters.preview.title')}
            </Title>
            <SegmentedControl
              aria-label={t('newsletters.preview.width')}
              value={width}
              onChange={(value) => setWidth(value as keyof typeof WIDTHS)}
              data={[
                { value: 'desktop', label: t('newsletters.preview.desktop') },
                { value: 'phone', label: t('newsletters.preview.phone') },
              ]}
            />
          </Group>
          <Alert variant="light" color="blue">
            {t('newsletters.preview.recipients', { count: preview.recipientCount })}
          </Alert>
          <NewsletterFrame
            html={preview.html}
            width={WIDTHS[width]}
            title={t('newsletters.preview.frameOf', { subject: preview.subject })}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
