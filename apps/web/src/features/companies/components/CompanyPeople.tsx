import type { ReactNode } from 'react';
import { Anchor, Avatar, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryContent } from '../../../components/QueryContent';
import { fullName, initials } from '../../../lib/format';
import { useCompanyMembers } from '../hooks/useCompanies';

/** What the page composing the list puts at the end of each person's row (the messaging feature's button). */
export type PersonAction = (person: { personId: string; name: string }) => ReactNode;

/** The people of a company, each linking to their public profile. */
export function CompanyPeople({ companyId, personAction }: { companyId: string; personAction?: PersonAction }) {
  const { t } = useTranslation();
  const members = useCompanyMembers(companyId);
  return (
    <QueryContent query={members}>
      {(people) =>
        people.length ? (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {people.map((person) => (
              // On a phone the message button goes under the person rather than squeezing the address into a column.
              <Group component="li" key={person.personId} gap="sm" wrap="wrap" align="flex-start">
                <Avatar size={40} radius="xl" color="blue" aria-hidden>
                  {initials(fullName(person))}
                </Avatar>
                <Stack gap={0} style={{ flex: '1 1 12rem', minWidth: 0 }}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/personnes/${person.personId}`} fw={600}>
                      {fullName(person)}
                    </Anchor>
                    <Badge variant="light" color="gray" size="sm">
                      {t(`companies.roleTitles.${person.role}`, { context: person.titleForm ?? undefined })}
                    </Badge>
                  </Group>
                  {person.jobTitle ? <Text size="sm">{person.jobTitle}</Text> : null}
                  {person.email ? (
                    <Anchor href={`mailto:${person.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {person.email}
                    </Anchor>
                  ) : null}
                </Stack>
                {personAction?.({ personId: person.personId, name: fullName(person) })}
              </Group>
            ))}
          </Stack>
        ) : (
          <Text>{t('companies.noPeople')}</Text>
        )
      }
    </QueryContent>
  );
}
