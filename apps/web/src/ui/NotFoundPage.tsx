import { Link } from 'react-router';
import { Page } from './Page';

export function NotFoundPage() {
  return (
    <Page title="Siden findes ikke">
      <p>Adressen findes ikke i Tilskud. Måske er linket forkert, eller siden er flyttet.</p>
      <p>
        <Link to="/">Gå til forsiden</Link>
      </p>
    </Page>
  );
}
