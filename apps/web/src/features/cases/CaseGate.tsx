import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { MESSAGES } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { Application } from '../applications/useApplications';
import { type Award, type Decision, useCase } from './useCase';

interface CaseParts {
  application: Application;
  decision: Decision | null;
  award: Award | null;
}

/**
 * The pages under a case (`/sager/:id/...`): the case loaded first, with a page of its own while it
 * loads, when it does not exist or is not the kommune's (the API's 404: "Sagen findes ikke"), and,
 * for the award's pages, when the case has no award.
 */
export function CaseGate({ id, title, needsAward, children }: { id: string; title: string; needsAward?: boolean; children: (parts: CaseParts) => ReactNode }) {
  const { application, decision, award, loading, error } = useCase(id);
  const { user } = useSession();
  const lead = user?.role === 'project_lead';
  if (application.error && isProblem(application.error) && application.error.status === 404) {
    return (
      <Page title={MESSAGES.notFoundCase}>
        <p data-testid="sagen-findes-ikke">{lead ? MESSAGES.notFoundCaseText : 'Sagen findes ikke.'}</p>
        <p>
          <Link to="/">{lead ? 'Tilbage til Mine sager' : 'Tilbage til forsiden'}</Link>
        </p>
      </Page>
    );
  }
  if (loading) {
    return (
      <Page title={title}>
        <Loading text="Henter sagen …" />
      </Page>
    );
  }
  if (error || !application.data) {
    return (
      <Page title={title}>
        <ProblemAlert error={error} />
      </Page>
    );
  }
  if (needsAward && !award.data) {
    return (
      <Page title={title}>
        <Alert tone="info" heading="Ingen bevilling">
          <p>
            Sagen har ingen bevilling{application.data.caseNumber ? ` (${application.data.caseNumber})` : ''}; rapporter og forlængelser hører til en bevilling.
          </p>
        </Alert>
        <p>
          <Link to={`/sager/${id}`}>Tilbage til sagen</Link>
        </p>
      </Page>
    );
  }
  return <>{children({ application: application.data, decision: decision.data ?? null, award: award.data ?? null })}</>;
}
