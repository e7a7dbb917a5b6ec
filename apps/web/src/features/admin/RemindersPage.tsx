import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import { currentToken } from '../../api/session';
import { formatDate, formatDateTime } from '../../format';
import { REMINDER_KINDS, REMINDER_STATUSES } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Table } from '../../ui/Table';
import { type Reminder, type ReminderQuery, useResendReminder, useUsers } from './useAdmin';

const TONES: Record<Reminder['status'], string> = { scheduled: 'badge-info', sent: 'badge-success', failed: 'badge-error', cancelled: 'badge-warning' };

/**
 * The BullMQ dashboard, in a new tab. It is served by the API and wants the administrator's token,
 * which a link cannot carry in a header: it is given once as `?access_token=`, which the API swaps
 * for a short-lived cookie of the dashboard's own and takes out of the address.
 */
async function openJobDashboard(): Promise<void> {
  const token = await currentToken();
  if (!token) return;
  window.open(`/api/v1/admin/queues?access_token=${encodeURIComponent(token)}`, '_blank', 'noopener');
}

/** `/paamindelser`: every reminder and message planned, sent or failed; a failed one sent again. */
export function RemindersPage() {
  const users = useUsers();
  const resend = useResendReminder();
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [recipientId, setRecipientId] = useState('');
  const [order, setOrder] = useState<'sendAt' | '-sendAt'>('sendAt');
  const [resent, setResent] = useState<string | null>(null);
  const query: ReminderQuery = {
    sort: order,
    ...(status ? { status: status as Reminder['status'] } : {}),
    ...(kind ? { kind: kind as Reminder['kind'] } : {}),
    ...(recipientId ? { recipientId } : {}),
  };
  const reminders = useInfiniteQuery({
    queryKey: ['reminders', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/reminders', { params: { query: { limit: 100, ...query, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = reminders.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page title="Påmindelser og leverancer">
      <p className="font-lead">
        De påmindelser og beskeder, Tilskud har planlagt, sendt, eller ikke kunne sende. En besked, der fejlede, kan sendes igen, når fejlen er rettet.
      </p>
      <div className="function-links mt-0">
        <button type="button" className="function-link" onClick={() => void openJobDashboard()}>
          Åbn jobkøen (BullMQ-oversigten) i en ny fane
        </button>
      </div>
      <div className="filters">
        <SelectField
          name="status"
          label="Status"
          placeholder="Alle"
          value={status}
          onChange={setStatus}
          options={Object.entries(REMINDER_STATUSES).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="kind"
          label="Slags"
          placeholder="Alle"
          value={kind}
          onChange={setKind}
          options={Object.entries(REMINDER_KINDS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="recipientId"
          label="Modtager"
          placeholder="Alle"
          value={recipientId}
          onChange={setRecipientId}
          options={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
        />
        <SelectField
          name="order"
          label="Rækkefølge"
          value={order}
          onChange={(value) => setOrder(value as 'sendAt' | '-sendAt')}
          options={[
            { value: 'sendAt', label: 'Tidligste afsendelse først' },
            { value: '-sendAt', label: 'Seneste afsendelse først' },
          ]}
        />
      </div>
      {resend.error && <ProblemAlert error={resend.error} />}
      {resent && (
        <Alert tone="success" role="status" testId="sendt-igen">
          <p>{resent}</p>
        </Alert>
      )}
      {reminders.isPending ? (
        <Loading text="Henter påmindelser …" />
      ) : reminders.error ? (
        <ProblemAlert error={reminders.error} />
      ) : items.length === 0 ? (
        <p role="status">Ingen påmindelser passer på filtrene.</p>
      ) : (
        <>
          <p role="status">
            {items.length === 1 ? '1 påmindelse' : `${items.length} påmindelser`}
            {reminders.hasNextPage ? ' vist; der er flere' : ''}.
          </p>
          <Table
            caption="Påmindelser og leverancer"
            testId="paamindelser"
            rows={items}
            rowKey={(reminder) => reminder.id}
            columns={[
              { header: 'Slags', cell: (reminder) => REMINDER_KINDS[reminder.kind] ?? reminder.kind },
              { header: 'Modtager', cell: (reminder) => reminder.recipientName ?? 'Ukendt modtager' },
              { header: 'Om datoen', cell: (reminder) => formatDate(reminder.dueDate) },
              {
                header: 'Afsendelse',
                cell: (reminder) => (reminder.sentAt ? `Sendt ${formatDateTime(reminder.sentAt)}` : `Planlagt ${formatDateTime(reminder.sendAt)}`),
              },
              {
                header: 'Status',
                cell: (reminder) => (
                  <>
                    <span className={`badge ${TONES[reminder.status]}`}>{REMINDER_STATUSES[reminder.status]}</span>
                    {reminder.status === 'failed' && reminder.lastError && <span className="d-block small-text">{reminder.lastError}</span>}
                    {reminder.attempts > 1 && <span className="d-block small-text">{reminder.attempts} forsøg</span>}
                  </>
                ),
              },
              {
                header: 'Handling',
                cell: (reminder) =>
                  reminder.status === 'failed' ? (
                    <button
                      type="button"
                      className="function-link"
                      disabled={resend.isPending}
                      onClick={() => {
                        setResent(null);
                        resend.mutate(reminder.id, {
                          onSuccess: () =>
                            setResent(`${REMINDER_KINDS[reminder.kind] ?? 'Påmindelsen'} til ${reminder.recipientName ?? 'modtageren'} sendes igen nu.`),
                        });
                      }}
                    >
                      Send igen
                      <span className="sr-only">
                        : {REMINDER_KINDS[reminder.kind]} til {reminder.recipientName}
                      </span>
                    </button>
                  ) : (
                    '–'
                  ),
              },
            ]}
          />
          {reminders.hasNextPage && (
            <button type="button" className="button button-secondary" disabled={reminders.isFetchingNextPage} onClick={() => void reminders.fetchNextPage()}>
              {reminders.isFetchingNextPage ? 'Henter …' : 'Vis flere påmindelser'}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
