import { Anchor, Avatar, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryContent } from '../../../components/QueryContent';
import { fullName, initials } from '../../../lib/format';
import { MessageButton } from '../../messaging/components/MessageButton';
import { useCompanyMembers } from '../hooks/useCompanies';

/** The people of a company, each linking to their public profile. */
export function CompanyPeople({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const members = useCompanyMembers(companyId);
  return (
    <QueryContent query={members}>
      {(people) =>
        people.length ? (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {people.map((person) => (
              <Group component="li" key={person.personId} gap="sm" wrap="nowrap">
                <Avatar size={40} radius="xl" color="blue" aria-hidden>
                  {initials(fullName(person))}
                </Avatar>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/personnes/${person.personId}`} fw={600}>
                      {fullName(person)}
                    </Anchor>
                    <Badge variant="light" color="gray" size="sm">
                      {t(`roles.${person.role}`)}
                    </Badge>
                  </Group>
                  {person.jobTitle ? <Text size="sm">{person.jobTitle}</Text> : null}
                  {person.email ? (
                    <Anchor href={`mailto:${person.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {person.email}
                    </Anchor>
                  ) : null}
                </Stack>
                <MessageButton personId={person.personId} name={fullName(person)} size="xs" ml="auto" style={{ flex: 'none' }} />
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
