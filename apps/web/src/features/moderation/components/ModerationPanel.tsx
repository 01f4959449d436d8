import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconAlertTriangle, IconFlag, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ModerationLog } from './ModerationLog';
import { ModerationQueue } from './ModerationQueue';

const TABS = ['signalements', 'avertir', 'journal'] as const;
type Tab = (typeof TABS)[number];

interface ModerationPanelProps {
  networkId: string;
  /** The warning form, mounted only while its tab is open (the page gives it the network's members). */
  warnForm: ReactNode;
  /** Called after a decision on a report, for the content it changed (the forum's topics). */
  onDecided?: () => Promise<unknown>;
}

/** A network's moderation: open reports, warnings, audit log (one tab each, kept in the address). */
export default function ModerationPanel({ networkId, warnForm, onDecided }: ModerationPanelProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('vue') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'signalements';
  return (
    <Tabs
      value={tab}
      onChange={(value) =>
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            if (value && value !== 'signalements') next.set('vue', value);
            else next.delete('vue');
            return next;
          },
          { replace: true },
        )
      }
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="signalements" leftSection={<IconFlag size={16} aria-hidden />}>
          {t('moderation.queue.title')}
        </Tabs.Tab>
        <Tabs.Tab value="avertir" leftSection={<IconAlertTriangle size={16} aria-hidden />}>
          {t('moderation.warn.title')}
        </Tabs.Tab>
        <Tabs.Tab value="journal" leftSection={<IconHistory size={16} aria-hidden />}>
          {t('moderation.log.title')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="signalements">
        {tab === 'signalements' ? <ModerationQueue networkId={networkId} onDecided={onDecided} /> : null}
      </Tabs.Panel>
      <Tabs.Panel value="avertir">{tab === 'avertir' ? warnForm : null}</Tabs.Panel>
      <Tabs.Panel value="journal">{tab === 'journal' ? <ModerationLog networkId={networkId} /> : null}</Tabs.Panel>
    </Tabs>
  );
}
