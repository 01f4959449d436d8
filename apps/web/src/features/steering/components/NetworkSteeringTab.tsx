import { lazy, Suspense, type ReactNode } from 'react';
import { Tabs, Title } from '@mantine/core';
import { IconChartLine, IconClipboardCheck, IconFileDescription, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryContent, LoadingLines } from '../../../components/QueryContent';
import { useNetworkIndicators } from '../hooks/useSteering';
import { ActionPlanPanel } from './ActionPlanPanel';
import { MaturityPanel } from './MaturityPanel';
import { SheetPanel } from './SheetPanel';

// The charts library is the heavy part: it loads only with the indicators.
const IndicatorsPanel = lazy(() => import('./IndicatorsPanel'));

/** The parts of the tab and their URL values (`?vue=plan`), so that a link opens the right one. */
const SECTIONS = { indicators: 'indicateurs', plan: 'plan', maturity: 'maturite', sheet: 'fiche' } as const;
type Section = keyof typeof SECTIONS;
const ICONS: Record<Section, typeof IconChartLine> = {
  indicators: IconChartLine,
  plan: IconTargetArrow,
  maturity: IconClipboardCheck,
  sheet: IconFileDescription,
};

function sectionOf(value: string | null): Section {
  return (Object.keys(SECTIONS) as Section[]).find((key) => SECTIONS[key] === value) ?? 'indicators';
}

function Indicators({ networkId }: { networkId: string }) {
  const indicators = useNetworkIndicators(networkId);
  return (
    <QueryContent query={indicators} loading={<LoadingLines lines={10} />}>
      {(loaded) => <IndicatorsPanel indicators={loaded} />}
    </QueryContent>
  );
}

/** The "Pilotage" tab of a network's page (its animators, host and referent staff): indicators, action plan, maturity, sheet. */
export default function NetworkSteeringTab({ networkId, canEdit }: { networkId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const section = sectionOf(params.get('vue'));
  const panels: Record<Section, () => ReactNode> = {
    indicators: () => <Indicators networkId={networkId} />,
    plan: () => <ActionPlanPanel networkId={networkId} canEdit={canEdit} />,
    maturity: () => <MaturityPanel networkId={networkId} />,
    sheet: () => <SheetPanel networkId={networkId} />,
  };
  return (
    <Tabs
      value={section}
      variant="pills"
      keepMounted={false}
      onChange={(value) => {
        const next = new URLSearchParams(params);
        if (value === 'indicators') next.delete('vue');
        else next.set('vue', SECTIONS[value as Section]);
        setParams(next, { replace: true });
      }}
    >
      <Tabs.List aria-label={t('steering.tab.label')} mb="lg">
        {(Object.keys(SECTIONS) as Section[]).map((key) => {
          const Icon = ICONS[key];
          return (
            <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} aria-hidden />}>
              {t(`steering.tab.${key}`)}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {(Object.keys(SECTIONS) as Section[]).map((key) => (
        <Tabs.Panel key={key} value={key}>
          {key === section ? (
            <>
              <Title order={2} size="h3" mb="md">
                {t(`steering.tab.${key}Title`)}
              </Title>
              <Suspense fallback={<LoadingLines lines={8} />}>{panels[key]()}</Suspense>
            </>
          ) : null}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
