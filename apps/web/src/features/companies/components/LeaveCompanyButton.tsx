import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useLeaveCompany } from '../hooks/useLeaveCompany';

export function LeaveCompanyButton({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const leave = useLeaveCompany(companyId, companyName);
  return (
    <ConfirmButton
      variant="default"
      color="red"
      title={t('companies.members.leaveTitle', { company: companyName })}
      message={t('companies.members.leaveText')}
      confirmLabel={t('companies.members.leave')}
      onConfirm={leave}
    >
      {t('companies.members.leave')}
    </ConfirmButton>
  );
}
