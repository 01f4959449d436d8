import { Anchor, Avatar, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonProfile } from '@maillage/contracts';
import { fullName, initials } from '../../../lib/format';

function Tags({ title, tags, order = 2 }: { title: string; tags: string[]; order?: 2 | 3 }) {
  if (!tags.length) return null;
  return (
    <Stack gap={6}>
      <Title order={order} size="h5">
        {title}
      </Title>
      <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {tags.map((tag) => (
          <Badge key={tag} component="li" variant="light" color="blue" tt="none" size="lg">
            {tag}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** The public page of a person: who they are, what they know, where they work. */
export function PersonProfileView({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  const name = fullName(profile);
  return (
    <Stack gap="lg">
      <Group gap="lg" align="center">
        <Avatar
          src={profile.photoUrl}
          alt={profile.photoUrl ? t('person.photoOf', { name }) : undefined}
          size={112}
          radius={112}
          color="blue"
        >
          {initials(name)}
        </Avatar>
        <Stack gap={4}>
          {profile.jobTitle ? <Text size="lg">{profile.jobTitle}</Text> : null}
          {profile.isExpert ? (
            <Badge color="teal" variant="light" size="lg" leftSection={<IconCertificate size={14} aria-hidden />}>
              {t('person.expert')}
            </Badge>
          ) : null}
        </Stack>
      </Group>
      {profile.email || profile.phone ? (
        <Group gap="lg">
          {profile.email ? (
            <Text>
              {t('fields.email')} : <Anchor href={`mailto:${profile.email}`}>{profile.email}</Anchor>
            </Text>
          ) : null}
          {profile.phone ? (
            <Text>
              {t('fields.phone')} : <Anchor href={`tel:${profile.phone.replace(/[^0-9+]/g, '')}`}>{profile.phone}</Anchor>
            </Text>
          ) : null}
        </Group>
      ) : null}
      {profile.bio ? <Text style={{ whiteSpace: 'pre-wrap' }}>{profile.bio}</Text> : null}
      <Tags title={t('fields.skills')} tags={profile.skills} />
      <Tags title={t('fields.languages')} tags={profile.languages} />
      {profile.isExpert ? (
        <Card withBorder padding="md">
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('person.expertise')}
            </Title>
            <Tags order={3} title={t('fields.expertiseDomains')} tags={profile.expertiseDomains} />
            <Tags order={3} title={t('fields.areasServed')} tags={profile.areasServed} />
          </Stack>
        </Card>
      ) : null}
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('person.companies')}
        </Title>
        {profile.companies.length ? (
          <List spacing={4}>
            {profile.companies.map((company) => (
              <List.Item key={company.id}>
                <Anchor component={Link} to={`/entreprises/${company.id}`}>
                  {company.name}
                </Anchor>{' '}
                — {t(`roles.${company.role}`)}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t('person.noCompany')}</Text>
        )}
      </Stack>
    </Stack>
  );
}
