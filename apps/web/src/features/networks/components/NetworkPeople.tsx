import { useState } from 'react';
import { Anchor, Avatar, Badge, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NetworkPerson } from '@maillage/contracts';
import { QueryContent } from '../../../components/QueryContent';
import { SEARCH_DEBOUNCE_MS } from '../../../config';
import { networkKeys, networksApi } from '../api/networks.api';

function PersonCard({ person }: { person: NetworkPerson }) {
  const { t } = useTranslation();
  const name = `${person.firstName} ${person.lastName}`;
  const where = person.company?.name ?? person.organization;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar src={person.photoUrl} alt="" name={name} color="indigo" radius="xl" aria-hidden />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/personnes/${person.personId}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Anchor>
          {person.jobTitle ? <Text size="sm">{person.jobTitle}</Text> : null}
          {where ? (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {where}
            </Text>
          ) : null}
          {person.role !== 'member' ? (
            <Badge variant="light" size="sm" color={person.role === 'staff' ? 'grape' : undefined}>
              {t(`networks.people.roles.${person.role}`, { context: person.titleForm ?? undefined })}
            </Badge>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

/** The people of a network (its member companies' people and its host's staff, who animate it), found by name. */
export function NetworkPeople({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q] = useDebouncedValue(typed.trim(), SEARCH_DEBOUNCE_MS);
  const people = useQuery({
    queryKey: networkKeys.people(networkId, q),
    queryFn: ({ signal }) => networksApi.people(networkId, q, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="sm">
      <TextInput
        label={t('networks.people.search')}
        placeholder={t('networks.people.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        maw={420}
      />
      <QueryContent query={people}>
        {(list) =>
          list.length ? (
            <>
              <Text size="sm" role="status">
                {t('networks.people.count', { count: list.length })}
              </Text>
              <SimpleGrid
                component="ul"
                cols={{ base: 1, sm: 2, lg: 3 }}
                spacing="sm"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('networks.people.list')}
              >
                {list.map((person) => (
                  <PersonCard key={`${person.personId}-${person.company?.id ?? 'staff'}`} person={person} />
                ))}
              </SimpleGrid>
            </>
          ) : (
            <Text role="status">{q ? t('networks.people.noMatch', { q }) : t('networks.people.none')}</Text>
          )
        }
      </QueryContent>
    </Stack>
  );
}
