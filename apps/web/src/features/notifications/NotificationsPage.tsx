import { Link } from 'react-router';
import { formatDateTime } from '../../format';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { components } from '../../api/schema';
import { useInbox, useMarkRead } from './useNotifications';

type Notification = components['schemas']['NotificationResponse'];

/** The case page a notification points to: its own link (`/sager/<id>`), or its case. */
function caseLink(notification: Notification): string | null {
  if (notification.link?.startsWith('/') && !notification.link.startsWith('//')) return notification.link;
  return notification.caseId ? `/sager/${notification.caseId}` : null;
}

function Item({ notification }: { notification: Notification }) {
  const markRead = useMarkRead();
  const unread = notification.readAt === null;
  const link = caseLink(notification);
  return (
    <li className={`notification${unread ? ' notification-unread' : ''}`} data-testid="notifikation">
      <h2 className="h4 mb-2">
        {unread && (
          <>
            <span className="badge badge-info">Ulæst</span>{' '}
          </>
        )}
        {notification.title}
      </h2>
      <p className="small-text mt-0">{formatDateTime(notification.createdAt)}</p>
      <p className="pre-line">{notification.body}</p>
      <p className="notification-actions">
        {link && (
          <Link to={link} onClick={() => unread && markRead.mutate(notification.id)}>
            Gå til sagen<span className="sr-only">: {notification.title}</span>
          </Link>
        )}
        {unread && (
          <button type="button" className="function-link" disabled={markRead.isPending} onClick={() => markRead.mutate(notification.id)}>
            Markér som læst<span className="sr-only">: {notification.title}</span>
          </button>
        )}
      </p>
      {markRead.error && <ProblemAlert error={markRead.error} />}
    </li>
  );
}

/** `/notifikationer`: the inbox, newest first; each marked read here or when its case is opened from it. */
export function NotificationsPage() {
  const inbox = useInbox();
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title="Notifikationer">
      {inbox.isPending ? (
        <Loading />
      ) : inbox.error ? (
        <ProblemAlert error={inbox.error} />
      ) : items.length === 0 ? (
        <p>Du har ingen notifikationer.</p>
      ) : (
        <>
          <ol className="nobullet-list notifications">
            {items.map((notification) => (
              <Item key={notification.id} notification={notification} />
            ))}
          </ol>
          {inbox.hasNextPage && (
            <button type="button" className="button button-secondary" disabled={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
              {inbox.isFetchingNextPage ? 'Henter …' : 'Vis ældre notifikationer'}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
