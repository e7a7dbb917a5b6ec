import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../api/session';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** The pages behind sign-in: while the session is restored, a spinner; signed out, the sign-in page (and back after). */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') {
    return (
      <Page title="Tilskud">
        <Loading text="Henter din session …" />
      </Page>
    );
  }
  if (session.status === 'signed-out') return <Navigate to="/log-ind" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}
