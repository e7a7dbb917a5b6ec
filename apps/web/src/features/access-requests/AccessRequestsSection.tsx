import { useState } from 'react';
import { asProblem } from '../../api/problem';
import { copenhagenToday, formatDate, formatDateTime } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, fieldId, FieldGroup, FormShell, Radio, TextArea, TextField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { useArrivalFocus } from '../../ui/useArrivalFocus';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ACCESS_KINDS, type AccessRequest, useCaseAccessRequests, useCompleteAccessRequest, useRegisterAccessRequest } from './useAccessRequests';

const LABELS: Record<string, string> = {
  requester: 'Anmoder',
  requesterEmail: 'Anmoderens e-mail',
  kind: 'Art',
  receivedOn: 'Modtaget',
  note: 'Hvordan anmodningen er besvaret',
};

/** The deadline in words: when, and whether it has passed. */
export function Deadline({ request }: { request: AccessRequest }) {
  if (request.status === 'completed') return <>{formatDate(request.dueDate)}</>;
  return (
    <>
      {formatDate(request.dueDate)}
      {request.overdue && <strong className="overdue"> (overskredet)</strong>}
    </>
  );
}

/** Registers a request received for the case: who asked, what kind, and the day it arrived. */
function RegisterForm({ applicationId, onRegistered, onCancel }: { applicationId: string; onRegistered: () => void; onCancel: () => void }) {
  const register = useRegisterAccessRequest(applicationId);
  const [requester, setRequester] = useState('');
  const [requesterEmail, setRequesterEmail] = useState('');
  const [kind, setKind] = useState<AccessRequest['kind'] | ''>('');
  const [receivedOn, setReceivedOn] = useState(copenhagenToday());
  const problem = register.error ? asProblem(register.error) : null;
  const submit = () =>
    register.mutate(
      {
        applicationId,
        requester,
        kind: kind as AccessRequest['kind'],
        receivedOn,
        ...(requesterEmail.trim() ? { requesterEmail: requesterEmail.trim() } : {}),
      },
      { onSuccess: onRegistered },
    );
  return (
    <FormShell
      labelledBy="ny-aktindsigt"
      testId="aktindsigt-form"
      heading={<h3 id="ny-aktindsigt">Registrér en anmodning om aktindsigt</h3>}
      focus="felt-requester"
      problem={problem}
      labels={(field) => LABELS[field] ?? field}
      onSubmit={submit}
      submit="Registrér anmodningen"
      pendingText="Registrerer …"
      pending={register.isPending}
      onCancel={onCancel}
    >
      <TextField
        name="requester"
        label="Anmoder"
        hint="Navnet på den, der har bedt om indsigt."
        value={requester}
        onChange={setRequester}
        width="l"
        error={errorOf(problem, 'requester')}
      />
      <TextField
        name="requesterEmail"
        label="Anmoderens e-mail (valgfri)"
        type="email"
        autoComplete="off"
        value={requesterEmail}
        onChange={setRequesterEmail}
        width="l"
        error={errorOf(problem, 'requesterEmail')}
      />
      <FieldGroup name="kind" legend="Art" error={errorOf(problem, 'kind')}>
        {(Object.keys(ACCESS_KINDS) as Array<AccessRequest['kind']>).map((value) => (
          <Radio key={value} id={`art-${value}`} name="kind" value={value} checked={kind === value} onChange={() => setKind(value)}>
            {ACCESS_KINDS[value].label}
            <span className="form-hint d-block">{ACCESS_KINDS[value].hint}</span>
          </Radio>
        ))}
      </FieldGroup>
      <TextField
        name="receivedOn"
        label="Modtaget"
        hint="Dagen anmodningen kom ind. Fristen er 7 arbejdsdage derefter; weekender og helligdage tæller ikke med."
        type="date"
        value={receivedOn}
        onChange={setReceivedOn}
        error={errorOf(problem, 'receivedOn')}
      />
    </FormShell>
  );
}

/** Records how an open request was answered; its reminder is then no longer sent. */
function CompleteForm({ request, onDone }: { request: AccessRequest; onDone: () => void }) {
  const complete = useCompleteAccessRequest(request.applicationId);
  const [note, setNote] = useState('');
  const problem = complete.error ? asProblem(complete.error) : null;
  const id = `besvar-${request.id}`;
  return (
    <FormShell
      label={`Besvar anmodningen fra ${request.requester}`}
      focus={id}
      problem={problem}
      labels={(field) => LABELS[field] ?? field}
      fieldIds={(field) => (field === 'note' ? id : fieldId(field))}
      onSubmit={() => complete.mutate({ id: request.id, note }, { onSuccess: onDone })}
      submit="Registrér som besvaret"
      pendingText="Gemmer …"
      pending={complete.isPending}
      onCancel={onDone}
    >
      <TextArea
        name="note"
        id={id}
        label="Hvordan anmodningen er besvaret"
        hint="Fx hvilke dokumenter der er udleveret, og hvad der er undtaget og hvorfor."
        value={note}
        onChange={setNote}
        rows={3}
        error={errorOf(problem, 'note')}
      />
    </FormShell>
  );
}

function RequestItem({ request, canComplete }: { request: AccessRequest; canComplete: boolean }) {
  const [answering, setAnswering] = useState(false);
  return (
    <li className="access-request" data-testid="aktindsigt">
      <h3 className="h4 mt-0">
        {ACCESS_KINDS[request.kind].label} for {request.requester}
        {request.requesterEmail && <span className="text-muted"> ({request.requesterEmail})</span>}
      </h3>
      <p className="mt-0">
        Modtaget {formatDate(request.receivedOn)} · Frist <Deadline request={request} /> ·{' '}
        {request.status === 'open' ? <span data-testid="aktindsigt-status">Åben</span> : <span data-testid="aktindsigt-status">Besvaret</span>}
      </p>
      {request.status === 'completed' && (
        <p className="mt-0">
          Besvaret {request.completedAt ? formatDateTime(request.completedAt) : ''} af {request.completedByName ?? 'en sagsbehandler'}: {request.completionNote}
        </p>
      )}
      {request.status === 'open' && canComplete && !answering && (
        <button type="button" className="button button-secondary" onClick={() => setAnswering(true)}>
          Registrér svar
        </button>
      )}
      {answering && <CompleteForm request={request} onDone={() => setAnswering(false)} />}
    </li>
  );
}

/** After a form closes, the keyboard goes on from the section's heading rather than the page's top. */
function focusHeading() {
  requestAnimationFrame(() => document.getElementById('aktindsigt')?.focus());
}

/**
 * The case's requests for insight (aktindsigt and partsaktindsigt): each with its deadline, 7 working
 * days after receipt, and how it was answered. A caseworker registers new ones and records the answers;
 * the case file to hand over is downloaded from the documents above (without others' personal details).
 */
export function AccessRequestsSection({ applicationId, role }: { applicationId: string; role: string }) {
  const requests = useCaseAccessRequests(applicationId);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState(false);
  const items = requests.data?.items ?? [];
  useArrivalFocus('aktindsigt', requests.data !== undefined);
  return (
    <section aria-labelledby="aktindsigt">
      <h2 id="aktindsigt" tabIndex={-1}>
        Aktindsigt
      </h2>
      {requests.isPending && <Loading text="Henter anmodninger om aktindsigt …" />}
      {requests.error && <ProblemAlert error={requests.error} heading="Anmodningerne kunne ikke hentes" />}
      {requests.data && items.length === 0 && <p>Ingen har bedt om aktindsigt i sagen.</p>}
      {items.length > 0 && (
        <ul className="nobullet-list">
          {items.map((request) => (
            <RequestItem key={request.id} request={request} canComplete={role === 'caseworker'} />
          ))}
        </ul>
      )}
      {registered && !registering && (
        <Alert tone="success" role="status" heading="Anmodningen er registreret" testId="aktindsigt-registreret">
          <p>Fristen står ved anmodningen, og du får en påmindelse 2 arbejdsdage før.</p>
        </Alert>
      )}
      {registering ? (
        <RegisterForm
          applicationId={applicationId}
          onRegistered={() => {
            setRegistering(false);
            setRegistered(true);
            focusHeading();
          }}
          onCancel={() => {
            setRegistering(false);
            focusHeading();
          }}
        />
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setRegistered(false);
            setRegistering(true);
          }}
        >
          Registrér anmodning om aktindsigt
        </button>
      )}
    </section>
  );
}
