import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Alert } from './Alert';
import { Page } from './Page';

/** A page that could not be shown (a part of the app that failed to load after a new release, a fault of ours). */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main-content" className="container page-container">
      <Page title={notFound ? 'Siden findes ikke' : 'Siden kunne ikke vises'}>
        <Alert tone="error" role="alert">
          <p>{notFound ? 'Adressen findes ikke i Tilskud.' : 'Der skete en fejl. Genindlæs siden, og prøv igen.'}</p>
        </Alert>
        <p>
          <Link to="/">Gå til forsiden</Link>
        </p>
      </Page>
    </main>
  );
}
