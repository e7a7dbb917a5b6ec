import { asProblem } from '../api/problem';
import { Alert } from './Alert';

/** A failed call as an error alert: the API's Danish title and detail. */
export function ProblemAlert({ error, heading }: { error: unknown; heading?: string }) {
  const problem = asProblem(error);
  return (
    <Alert tone="error" role="alert" heading={heading ?? problem.title}>
      <p>{problem.detail}</p>
    </Alert>
  );
}
