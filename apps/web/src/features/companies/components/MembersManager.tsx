import { Anchor, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPANY_ROLES, type CompanyMember, type CompanyRole } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { QueryContent } from '../../../components/QueryContent';
import { errorMessage } from '../../../lib/errors';
import { fullName } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useSession } from '../../../lib/session';
import { companiesApi, companyKeys } from '../api/companies.api';
import { useCompanyMembers } from '../hooks/useCompanies';
import { useLeaveCompany } from '../hooks/useLeaveCompany';

/** The company's people: change a role, remove someone, or leave. */
export function MembersManager({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const members = useCompanyMembers(companyId);
  const queryClient = useQueryClient();
  const leave = useLeaveCompany(companyId, companyName);
  const roleOptions = COMPANY_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  const changeRole = async (member: CompanyMember, role: CompanyRole) => {
    try {
      const updated = await companiesApi.updateMember(companyId, member.personId, role);
      queryClient.setQueryData(companyKeys.members(companyId), updated);
      // My own role may have changed what I can do here.
      if (member.personId === user?.id) await queryClient.invalidateQueries({ queryKey: companyKeys.all });
      notify.success(t('companies.members.roleChanged', { name: fullName(member), role: t(`roles.${role}`) }));
    } catch (error) {
      notify.error(errorMessage(error, t));
    }
  };

  const remove = async (member: CompanyMember) => {
    if (member.personId === user?.id) return leave();
    await companiesApi.removeMember(companyId, member.personId);
    await queryClient.invalidateQueries({ queryKey: companyKeys.members(companyId) });
    notify.success(t('companies.members.removed', { name: fullName(member) }));
  };

  return (
    <QueryContent query={members}>
      {(people) => (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {people.map((member) => {
            const name = fullName(member);
            const isMe = member.personId === user?.id;
            return (
              <Paper component="li" key={member.personId} withBorder p="sm">
                <Group justify="space-between" gap="sm">
                  <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                    <Anchor component={Link} to={`/personnes/${member.personId}`} fw={600}>
                      {isMe ? t('companies.members.me', { name }) : name}
                    </Anchor>
                    {member.email ? (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {member.email}
                      </Text>
                    ) : null}
                  </Stack>
                  <Group gap="sm">
                    <Select
                      aria-label={t('companies.members.roleOf', { name })}
                      data={roleOptions}
                      value={member.role}
                      allowDeselect={false}
                      onChange={(role) => role && role !== member.role && void changeRole(member, role as CompanyRole)}
                      w={170}
                    />
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      aria-label={isMe ? undefined : t('companies.members.removeOf', { name })}
                      title={
                        isMe ? t('companies.members.leaveTitle', { company: companyName }) : t('companies.members.removeTitle', { name })
                      }
                      message={isMe ? t('companies.members.leaveText') : t('companies.members.removeText', { name, company: companyName })}
                      confirmLabel={isMe ? t('companies.members.leave') : t('companies.members.remove')}
                      onConfirm={() => remove(member)}
                    >
                      {isMe ? t('companies.members.leave') : t('companies.members.remove')}
                    </ConfirmButton>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </QueryContent>
  );
}
