import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { authApi } from '../api/auth.api';
import { useSessionActions } from '../../../lib/session';

/** Sign out of this browser, or of every device, then go home. */
export function useSignOut() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSessionActions();

  const run = async (everywhere: boolean) => {
    try {
      await (everywhere ? authApi.logoutAll() : authApi.logout());
      session.signedOut();
      notify.success(t(everywhere ? 'auth.logout.doneEverywhere' : 'auth.logout.done'));
      navigate('/');
    } catch (error) {
      notify.error(errorMessage(error, t));
    }
  };
  return { signOut: () => run(false), signOutEverywhere: () => run(true) };
}
