import { useState } from 'react';
import { asProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { formatDateTime } from '../../format';
import { ROLES } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { errorOf, FormProblem, SelectField, TextField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Table } from '../../ui/Table';
import { useMunicipalities } from '../reference/useReference';
import { type CreateUserBody, type User, useCreateUser, useUserAction, useUsers } from './useAdmin';

type Role = User['role'];

export function userFieldLabel(field: string): string {
  const labels: Record<string, string> = { name: 'Navn', email: 'E-mail', role: 'Rolle', municipalityCode: 'Kommune', password: 'Adgangskode' };
  return labels[field] ?? field;
}

const isLocked = (user: User, now = Date.now()) => user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;

/** Where the account stands, in words: one or more of these. */
function standing(user: User): string[] {
  const words = [user.active ? 'Aktiv' : 'Deaktiveret'];
  if (user.awaitingApproval) words.push('Venter på godkendelse');
  if (isLocked(user)) words.push(`Låst til ${formatDateTime(user.lockedUntil!)}`);
  return words;
}

function CreateUser() {
  const municipalities = useMunicipalities();
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<User | null>(null);
  const problem = create.error ? asProblem(create.error) : null;

  const send = async () => {
    setCreated(null);
    const body = {
      name: name.trim(),
      email: email.trim(),
      role,
      password,
      ...(role === 'project_lead' && municipalityCode ? { municipalityCode } : {}),
    } as CreateUserBody;
    try {
      const user = await create.mutateAsync(body);
      setCreated(user);
      setName('');
      setEmail('');
      setPassword('');
      setMunicipalityCode('');
      setRole('');
    } catch {
      // Shown from the mutation's error.
    }
  };

  return (
    <section aria-labelledby="opret-bruger">
      <h2 id="opret-bruger">Opret bruger</h2>
      {created && (
        <Alert tone="success" role="status" heading={`${created.name} er oprettet`} testId="bruger-oprettet">
          <p>
            {created.awaitingApproval
              ? `Rollen som ${ROLES[created.role].toLowerCase()} skal godkendes af en anden administrator, før ${created.name} kan logge ind.`
              : `${created.name} kan logge ind med ${created.email} og den adgangskode, du har valgt. Giv adgangskoden videre ad en sikker vej.`}
          </p>
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <FormProblem error={problem} labels={userFieldLabel} />
        <TextField name="name" label="Navn" width="l" autoComplete="off" value={name} onChange={setName} error={errorOf(problem, 'name')} />
        <TextField name="email" label="E-mail" type="email" width="l" autoComplete="off" value={email} onChange={setEmail} error={errorOf(problem, 'email')} />
        <SelectField
          name="role"
          label="Rolle"
          hint="En ny sagsbehandler eller administrator skal godkendes af en anden administrator, før vedkommende kan logge ind."
          placeholder="Vælg rolle"
          value={role}
          onChange={(value) => setRole(value as Role | '')}
          options={(['project_lead', 'caseworker', 'admin'] as const).map((value) => ({ value, label: ROLES[value] }))}
          error={errorOf(problem, 'role')}
        />
        {role === 'project_lead' && (
          <SelectField
            name="municipalityCode"
            label="Kommune"
            hint="Projektlederen ser og søger på vegne af denne kommune."
            placeholder="Vælg kommune"
            value={municipalityCode}
            onChange={setMunicipalityCode}
            options={(municipalities.data?.items ?? []).map((municipality) => ({ value: municipality.code, label: municipality.officialName }))}
            error={errorOf(problem, 'municipalityCode')}
          />
        )}
        <TextField
          name="password"
          label="Adgangskode"
          hint="Mindst 12 tegn og ikke e-mailadressen. Brugeren får den af dig."
          type="password"
          width="l"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errorOf(problem, 'password')}
        />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Opretter …' : 'Opret bruger'}
        </button>
      </form>
    </section>
  );
}

const ACTION_DONE: Record<string, (name: string) => string> = {
  activate: (name) => `${name} er aktiveret igen og kan logge ind.`,
  deactivate: (name) => `${name} er deaktiveret og kan ikke længere logge ind.`,
  unlock: (name) => `${name} er låst op og kan logge ind igen med det samme.`,
  approve: (name) => `${name}s rolle er godkendt.`,
};

/** `/brugere`: every account, with what an administrator does to one; and a new account. */
export function UsersPage() {
  const { user: me } = useSession();
  const users = useUsers();
  const municipalities = useMunicipalities();
  const action = useUserAction();
  const [text, setText] = useState('');
  const [roleFilter, setRoleFilter] = useState('');
  const [activeFilter, setActiveFilter] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const act = (user: User, what: 'activate' | 'deactivate' | 'unlock' | 'approve') => {
    setDone(null);
    action.mutate({ id: user.id, action: what }, { onSuccess: () => setDone(ACTION_DONE[what](user.name)) });
  };
  const wanted = text.trim().toLocaleLowerCase('da');
  const rows = (users.data ?? []).filter(
    (user) =>
      (!roleFilter || user.role === roleFilter) &&
      (!activeFilter || String(user.active) === activeFilter) &&
      (!wanted || `${user.name} ${user.email}`.toLocaleLowerCase('da').includes(wanted)),
  );

  return (
    <Page title="Brugere">
      <p className="font-lead">Brugerne af Tilskud, deres roller og seneste login. Opret en bruger, deaktivér en, eller lås en spærret konto op.</p>
      <p>
        <a href="#opret-bruger">Gå til Opret bruger</a>
      </p>
      {action.error && <ProblemAlert error={action.error} />}
      {done && (
        <Alert tone="success" role="status" testId="bruger-handling">
          <p>{done}</p>
        </Alert>
      )}
      <div className="filters">
        <TextField name="filterText" label="Søg på navn eller e-mail" width="m" value={text} onChange={setText} />
        <SelectField
          name="filterRole"
          label="Vis rolle"
          placeholder="Alle roller"
          value={roleFilter}
          onChange={setRoleFilter}
          options={(['project_lead', 'caseworker', 'admin'] as const).map((value) => ({ value, label: ROLES[value] }))}
        />
        <SelectField
          name="filterActive"
          label="Vis status"
          placeholder="Aktive og deaktiverede"
          value={activeFilter}
          onChange={setActiveFilter}
          options={[
            { value: 'true', label: 'Kun aktive' },
            { value: 'false', label: 'Kun deaktiverede' },
          ]}
        />
      </div>
      {users.isPending ? (
        <Loading text="Henter brugere …" />
      ) : users.error ? (
        <ProblemAlert error={users.error} />
      ) : (
        <>
          <p role="status">{rows.length === 1 ? '1 bruger' : `${rows.length} brugere`}</p>
          <Table
            caption="Brugere"
            testId="brugere"
            rows={rows}
            rowKey={(user) => user.id}
            columns={[
              {
                header: 'Navn',
                cell: (user) => (
                  <>
                    {user.name}
                    <br />
                    <span className="small-text">{user.email}</span>
                  </>
                ),
              },
              {
                header: 'Rolle',
                cell: (user) =>
                  user.municipalityCode
                    ? `${ROLES[user.role]}, ${municipalities.data?.officialByCode.get(user.municipalityCode) ?? user.municipalityCode}`
                    : ROLES[user.role],
              },
              {
                header: 'Status',
                cell: (user) => (
                  <span data-testid={`status-${user.email}`}>
                    {standing(user).map((word) => (
                      <span
                        key={word}
                        className={`badge ${word === 'Aktiv' ? 'badge-success' : word === 'Deaktiveret' ? 'badge-error' : 'badge-warning'} mr-2`}
                      >
                        {word}
                      </span>
                    ))}
                  </span>
                ),
              },
              { header: 'Seneste login', cell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Aldrig') },
              {
                header: 'Handlinger',
                cell: (user) =>
                  user.id === me?.id ? (
                    <span className="small-text">Det er dig</span>
                  ) : (
                    <span className="user-actions">
                      <button
                        type="button"
                        className="function-link"
                        disabled={action.isPending}
                        onClick={() => act(user, user.active ? 'deactivate' : 'activate')}
                      >
                        {user.active ? 'Deaktivér' : 'Aktivér igen'}
                        <span className="sr-only"> {user.name}</span>
                      </button>
                      {isLocked(user) && (
                        <button type="button" className="function-link" disabled={action.isPending} onClick={() => act(user, 'unlock')}>
                          Lås op<span className="sr-only"> {user.name}</span>
                        </button>
                      )}
                      {user.awaitingApproval && user.approvalRequestedBy !== me?.id && (
                        <button type="button" className="function-link" disabled={action.isPending} onClick={() => act(user, 'approve')}>
                          Godkend rollen<span className="sr-only"> for {user.name}</span>
                        </button>
                      )}
                    </span>
                  ),
              },
            ]}
          />
        </>
      )}
      <CreateUser />
    </Page>
  );
}
