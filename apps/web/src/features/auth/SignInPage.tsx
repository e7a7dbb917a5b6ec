import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { asProblem, isProblem } from '../../api/problem';
import { signIn, useSession } from '../../api/session';
import { Alert } from '../../ui/Alert';
import { errorOf, FormProblem, TextField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

const LABELS: Record<string, string> = { email: 'E-mail', password: 'Adgangskode' };

/** Where to go after signing in: back where the user was sent from, never off the app. */
function returnTo(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/log-ind' ? from : '/';
}

export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signingIn = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: () => void navigate(returnTo(location.state), { replace: true }),
  });
  const problem = signingIn.error ? asProblem(signingIn.error) : null;

  if (session.status === 'restoring') {
    return (
      <Page title="Log ind">
        <Loading text="Henter din session …" />
      </Page>
    );
  }
  if (session.status === 'signed-in' && !signingIn.isSuccess) return <Navigate to={returnTo(location.state)} replace />;

  return (
    <Page title="Log ind">
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <p className="font-lead">Log ind med din e-mailadresse og din adgangskode til Tilskud.</p>
          {session.notice && !problem && (
            <Alert tone={session.notice.tone} role="status" testId="session-besked">
              <p>{session.notice.text}</p>
            </Alert>
          )}
          {problem && isProblem(problem) && problem.status === 429 ? (
            <Throttled detail={problem.detail} title={problem.title} seconds={problem.retryAfterSeconds} />
          ) : (
            <FormProblem error={problem} labels={(field) => LABELS[field] ?? field} />
          )}
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              signingIn.mutate();
            }}
          >
            <TextField name="email" label="E-mail" type="email" autoComplete="username" value={email} onChange={setEmail} error={errorOf(problem, 'email')} />
            <TextField
              name="password"
              label="Adgangskode"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={errorOf(problem, 'password')}
            />
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={signingIn.isPending}>
                {signingIn.isPending ? 'Logger ind …' : 'Log ind'}
              </button>
            </div>
          </form>
        </div>
      </div>
    </Page>
  );
}

/** A 429: too many attempts from here, or sign-in throttled after failed attempts; the API says how long to wait. */
function Throttled({ title, detail, seconds }: { title: string; detail: string; seconds?: number }) {
  const until = seconds ? new Date(Date.now() + seconds * 1000) : null;
  return (
    <Alert tone="warning" role="alert" heading={title} testId="for-mange-forsoeg">
      <p>{detail}</p>
      {until && <p>Du kan prøve igen kl. {until.toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}.</p>}
    </Alert>
  );
}
