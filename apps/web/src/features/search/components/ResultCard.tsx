import { Anchor, Avatar, Badge, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit } from '@maillage/contracts';
import { initials } from '../../../lib/format';
import { companyData, expertData, hitPath, hitSubtitle, networkData } from '../hooks/hits';
import { Highlight } from '../../../components/Highlight';

function Title({ hit }: { hit: SearchHit }) {
  const path = hitPath(hit);
  const title = <Highlight html={hit.highlights.title} text={hit.title} />;
  return path ? (
    <Anchor component={Link} to={path} fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
      {title}
    </Anchor>
  ) : (
    <Text fw={700} size="lg">
      {title}
    </Text>
  );
}

function Snippet({ hit }: { hit: SearchHit }) {
  if (!hit.highlights.body) return null;
  return (
    <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
      <Highlight html={hit.highlights.body} />
    </Text>
  );
}

function Distance({ km }: { km: number | null }) {
  const { t, i18n } = useTranslation();
  if (km === null) return null;
  const value = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
  return (
    <Badge variant="light" color="gray" tt="none" style={{ alignSelf: 'flex-start' }}>
      {t('search.distance', { km: value })}
    </Badge>
  );
}

/** A company found: logo or initials, name, activity, place, distance and the matching passage. */
export function CompanyResultCard({ hit }: { hit: SearchHit }) {
  const c = companyData(hit);
  const place = c.communeName ? `${c.communeName}${c.departementCode ? ` (${c.departementCode})` : ''}` : null;
  return (
    <Card withBorder padding="md" radius="md" component="article">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Avatar src={c.logoUrl} alt="" size={56} radius="md" color="blue" aria-hidden>
          {initials(hit.title)}
        </Avatar>
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title hit={hit} />
          {c.nafLabel || place ? <Text size="sm">{[c.nafLabel, place].filter(Boolean).join(' · ')}</Text> : null}
          <Snippet hit={hit} />
          <Distance km={hit.distanceKm} />
        </Stack>
      </Group>
    </Card>
  );
}

/** An expert found: name, job, expertise domains and areas served. */
export function ExpertResultCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const e = expertData(hit);
  return (
    <Card withBorder padding="md" radius="md" component="article">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Avatar src={e.photoUrl} alt="" size={56} radius="xl" color="teal" aria-hidden>
          {initials(hit.title)}
        </Avatar>
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title hit={hit} />
          {e.jobTitle ? <Text size="sm">{[e.jobTitle, e.companies[0]].filter(Boolean).join(' · ')}</Text> : null}
          {e.expertiseDomains.length ? (
            <Group gap={6} aria-label={t('fields.expertiseDomains')} role="list">
              {e.expertiseDomains.slice(0, 6).map((domain) => (
                <Badge key={domain} variant="light" color="teal" tt="none" role="listitem">
                  {domain}
                </Badge>
              ))}
            </Group>
          ) : null}
          {e.areasServed.length ? <Text size="sm">{t('search.areasServed', { areas: e.areasServed.join(', ') })}</Text> : null}
          <Snippet hit={hit} />
        </Stack>
      </Group>
    </Card>
  );
}

/** A network found: logo, name, type, visibility, host, territory, members and themes. */
export function NetworkResultCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const n = networkData(hit);
  return (
    <Card withBorder padding="md" radius="md" component="article">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Avatar src={n.logoUrl} alt="" size={56} radius="md" color="grape" aria-hidden>
          {initials(hit.title)}
        </Avatar>
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title hit={hit} />
          <Group gap={6}>
            {n.type ? (
              <Badge variant="light" color="grape" tt="none">
                {t(`networks.types.${n.type}`)}
              </Badge>
            ) : null}
            {n.visibility && n.visibility !== 'public' ? (
              <Badge variant="outline" color="gray" tt="none">
                {t(`networks.visibilities.${n.visibility}`)}
              </Badge>
            ) : null}
            {n.maturity ? (
              <Badge variant="light" color="gray" tt="none">
                {t(`networks.maturities.${n.maturity}`)}
              </Badge>
            ) : null}
          </Group>
          {n.hostName || n.places.length ? <Text size="sm">{[n.hostName, n.places.join(', ')].filter(Boolean).join(' · ')}</Text> : null}
          {n.memberCount !== null ? <Text size="sm">{t('search.networkMembers', { count: n.memberCount })}</Text> : null}
          <Snippet hit={hit} />
        </Stack>
      </Group>
    </Card>
  );
}

/** A forum topic (or a library document) found: title, network and category (or file name), the matching passage. */
export function TopicResultCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const subtitle = hitSubtitle(hit, (date) => t('opportunities.deadlineOn', { date }));
  return (
    <Card withBorder padding="md" radius="md" component="article">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Title hit={hit} />
        {subtitle ? <Text size="sm">{subtitle}</Text> : null}
        <Snippet hit={hit} />
      </Stack>
    </Card>
  );
}

export function ResultCard({ hit }: { hit: SearchHit }) {
  if (hit.kind === 'network') return <NetworkResultCard hit={hit} />;
  if (hit.kind === 'topic' || hit.kind === 'document' || hit.kind === 'event' || hit.kind === 'opportunity')
    return <TopicResultCard hit={hit} />;
  return hit.kind === 'expert' ? <ExpertResultCard hit={hit} /> : <CompanyResultCard hit={hit} />;
}

/** Placeholder cards while the results arrive. */
export function ResultSkeletons({ count = 4 }: { count?: number }) {
  return (
    <Stack gap="sm" aria-hidden>
      {Array.from({ length: count }, (_, i) => (
        <Card key={i} withBorder padding="md" radius="md">
          <Group wrap="nowrap" align="flex-start" gap="md">
            <Skeleton height={56} width={56} radius="md" />
            <Stack gap={8} style={{ flex: 1 }}>
              <Skeleton height={20} width="50%" />
              <Skeleton height={14} width="70%" />
              <Skeleton height={14} width="90%" />
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
