import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { useSession } from '../features/auth/hooks/useSession';
import { loginPath } from '../lib/safe-next';
import NotFoundPage from './routes/NotFoundPage';

/** Signed-in only: anonymous visitors go to the login page, and come back after. */
export function RequireAuth({ admin = false }: { admin?: boolean }) {
  const { user, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (!user) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  // Not found and forbidden look the same.
  if (admin && user.platformRole !== 'admin') return <NotFoundPage />;
  return <Outlet />;
}
