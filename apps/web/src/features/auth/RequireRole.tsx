import { Link, Outlet } from 'react-router';
import { useSession } from '../../api/session';
import type { SessionUser } from '../../api/session';
import { ROLES, ROLES_PLURAL } from '../../text/da';
import { Page } from '../../ui/Page';

/**
 * The pages of one or more roles (the caseworker's workspace, the administrator's pages). Another
 * role gets a page that says so, not the page: the API would refuse its calls anyway (403), and a
 * screen full of errors explains nothing. It sits inside RequireSession, so there is a user.
 */
export function RequireRole({ roles }: { roles: ReadonlyArray<SessionUser['role']> }) {
  const { user } = useSession();
  if (user && roles.includes(user.role)) return <Outlet />;
  return (
    <Page title="Ingen adgang">
      <p data-testid="ingen-adgang">
        Siden er for {roles.map((role) => ROLES_PLURAL[role]).join(' og ')}. Du er logget ind som {user ? ROLES[user.role].toLowerCase() : 'ukendt'}.
      </p>
      <p>
        <Link to="/">Gå til forsiden</Link>
      </p>
    </Page>
  );
}
