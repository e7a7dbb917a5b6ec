import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { signOut, useSession } from '../api/session';
import { useUnreadCount } from '../features/notifications/useNotifications';
import { useMunicipalityName } from '../features/reference/useReference';
import { ROLES } from '../text/da';
import { Icon } from './Icon';

type Role = 'project_lead' | 'caseworker' | 'admin';

/** Each role's menu: the front page (`/`) is the role's own (Mine sager, Arbejdsliste; an administrator's is Puljer, at /puljer too). */
const MENUS: Record<Role, ReadonlyArray<{ to: string; label: string; end?: boolean }>> = {
  project_lead: [
    { to: '/', label: 'Mine sager', end: true },
    { to: '/ansoegninger/ny', label: 'Ny ansøgning' },
    { to: '/notifikationer', label: 'Notifikationer' },
  ],
  caseworker: [
    { to: '/', label: 'Arbejdsliste', end: true },
    { to: '/notifikationer', label: 'Notifikationer' },
  ],
  admin: [
    { to: '/puljer', label: 'Puljer' },
    { to: '/revisionsspor', label: 'Revisionsspor' },
    { to: '/brugere', label: 'Brugere' },
    { to: '/paamindelser', label: 'Påmindelser' },
    { to: '/notifikationer', label: 'Notifikationer' },
  ],
};

function unreadText(unread: { count: number; more: boolean } | undefined): string | null {
  if (!unread || unread.count === 0) return null;
  return `${unread.count}${unread.more ? '+' : ''} ${unread.count === 1 ? 'ulæst' : 'ulæste'}`;
}

function Menu({ unread, onNavigate, role }: { unread: string | null; onNavigate?: () => void; role: Role }) {
  return (
    <ul className="mainmenu">
      {MENUS[role].map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end ?? false} className="nav-link" onClick={onNavigate}>
            <span>{item.to === '/notifikationer' && unread ? `${item.label} (${unread})` : item.label}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * The mobile menu (dkfds' mobile drawer), opened from the header's Menu button below the lg
 * breakpoint: a modal dialog that keeps focus inside it, closes with Escape, the Luk button, the
 * overlay or a link, and gives focus back to the Menu button.
 */
function useDrawer() {
  const [open, setOpen] = useState(false);
  const drawer = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    document.body.classList.toggle('mobile-nav-active', open);
    if (!open) return;
    const focusable = () =>
      Array.from(drawer.current?.querySelectorAll<HTMLElement>('a[href], button:not([disabled])') ?? []).filter((element) => element.offsetWidth > 0);
    focusable()[0]?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        opener.current?.focus();
      } else if (event.key === 'Tab') {
        const elements = focusable();
        const first = elements[0];
        const last = elements.at(-1);
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first?.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, setOpen, drawer, opener };
}

export function Layout() {
  const session = useSession();
  const user = session.user;
  const kommune = useMunicipalityName(user?.municipalityCode);
  const unread = unreadText(useUnreadCount().data);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { open, setOpen, drawer, opener } = useDrawer();
  // The kommune by its official name ("Aarhus Kommune"), once the names have loaded.
  const who = user ? (user.municipalityCode ? (kommune ? `${user.name} (${kommune})` : user.name) : `${user.name} (${ROLES[user.role]})`) : null;

  const logOut = () => {
    setOpen(false);
    void signOut().then(() => {
      queryClient.clear();
      void navigate('/log-ind', { replace: true });
    });
  };

  // Closing the drawer when the page changes (a link in it was followed).
  useEffect(() => setOpen(false), [location.pathname, setOpen]);

  return (
    <>
      <a href="#main-content" className="skipnav">
        Gå til sidens indhold
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            {user && (
              <button
                ref={opener}
                type="button"
                className="function-link button-menu-open ml-auto d-print-none"
                aria-haspopup="dialog"
                aria-expanded={open}
                onClick={() => setOpen(true)}
              >
                <Icon name="menu" />
                Menu
              </button>
            )}
            {user && (
              <div className="portal-user">
                <p className="user" data-testid="bruger">
                  {who}
                </p>
                <button type="button" className="function-link d-print-none log-off" onClick={logOut}>
                  <Icon name="lock" />
                  Log ud
                </button>
              </div>
            )}
          </div>
        </div>
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <NavLink to="/" className="solution-title">
                Tilskud
              </NavLink>
            </div>
            <div className="additional-info d-print-none">
              <p>
                <strong className="authority-name">Ansøgning og opfølgning på puljer</strong>
              </p>
            </div>
          </div>
        </div>
        {user && (
          <div className="navigation-menu">
            <div className="navigation-menu-inner container">
              <nav className="nav" aria-label="Hovedmenu">
                <Menu unread={unread} role={user.role} />
              </nav>
            </div>
          </div>
        )}
        {user && (
          <>
            <div className={`overlay${open ? ' is-visible' : ''}`} onClick={() => setOpen(false)} aria-hidden="true"></div>
            <div
              ref={drawer}
              className={`mobile-drawer${open ? ' is-visible' : ''}`}
              role="dialog"
              aria-modal="true"
              aria-labelledby="menu-heading"
              hidden={!open}
            >
              <div className="menu-top">
                <h2 id="menu-heading" className="menu-heading">
                  Menu
                </h2>
                <button
                  type="button"
                  className="function-link button-menu-close"
                  onClick={() => {
                    setOpen(false);
                    opener.current?.focus();
                  }}
                >
                  <Icon name="close" />
                  Luk menu
                </button>
              </div>
              <nav className="navigation-menu-mobile" aria-label="Hovedmenu (mobil)">
                <Menu unread={unread} role={user.role} onNavigate={() => setOpen(false)} />
              </nav>
              <div className="portal-info-mobile">
                <p className="user">{who}</p>
                <p>
                  <button type="button" className="function-link d-print-none log-off" onClick={logOut}>
                    <Icon name="lock" />
                    Log ud
                  </button>
                </p>
              </div>
            </div>
          </>
        )}
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer d-print-none">
        <div className="container">
          <p className="small-text">Tilskud · Ansøgning og opfølgning på puljer</p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
