import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notify } from '../../../lib/notify';
import { useSession } from '../../../lib/session';
import { companiesApi, companyKeys } from '../api/companies.api';

/** Leaves a company (the API refuses for its last owner), then goes back to my companies. */
export function useLeaveCompany(companyId: string, companyName: string) {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    if (!user) return;
    await companiesApi.removeMember(companyId, user.id);
    await queryClient.invalidateQueries({ queryKey: companyKeys.all });
    notify.success(t('companies.members.left', { company: companyName }));
    navigate('/entreprises');
  };
}
