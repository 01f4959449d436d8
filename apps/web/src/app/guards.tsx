import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { useSession } from '../lib/session';
import { useSteeringAccess } from '../features/steering/hooks/useSteering';
import { loginPath } from '../lib/safe-next';
import NotFoundPage from './routes/NotFoundPage';

/** Signed-in only: anonymous visitors go to the login page, and come back after. */
export function RequireAuth({ admin = false, steering = false }: { admin?: boolean; steering?: boolean }) {
  const access = useSteeringAccess();
  const { user, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (!user) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  // Not found and forbidden look the same.
  if (admin && user.platformRole !== 'admin') return <NotFoundPage />;
  if (steering && access.isPending) return <PageLoader />;
  // The steering pages: as if they did not exist for anyone who steers no network.
  if (steering && !access.canSteer) return <NotFoundPage />;
  return <Outlet />;
}
