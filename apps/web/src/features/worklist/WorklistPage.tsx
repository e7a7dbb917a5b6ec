import { Page } from '../../ui/Page';

/** `/` for a caseworker: the queues of the day. */
export function WorklistPage() {
  return <Page title="Arbejdsliste" />;
}
