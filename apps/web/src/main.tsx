import 'dkfds/dist/css/dkfds-virkdk.min.css';
import './app.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { isProblem } from './api/problem';
import { restoreSession, sessionStore } from './api/session';
import { RequireRole } from './features/auth/RequireRole';
import { RequireSession } from './features/auth/RequireSession';
import { Layout } from './ui/Layout';
import { Loading } from './ui/Loading';
import { RouteError } from './ui/RouteError';

// Danish URLs; every page is its own chunk, loaded when first visited, so the first load stays small.
const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    HydrateFallback: () => <Loading />,
    children: [
      { path: '/log-ind', lazy: () => import('./features/auth/SignInPage').then((m) => ({ Component: m.SignInPage })) },
      {
        element: <RequireSession />,
        children: [
          { index: true, lazy: () => import('./features/home/FrontPage').then((m) => ({ Component: m.FrontPage })) },
          { path: '/ansoegninger/ny', lazy: () => import('./features/applications/ApplicationFormPage').then((m) => ({ Component: m.ApplicationFormPage })) },
          {
            path: '/ansoegninger/:id/rediger',
            lazy: () => import('./features/applications/ApplicationFormPage').then((m) => ({ Component: m.ApplicationFormPage })),
          },
          { path: '/ansoegninger/:id/opsummering', lazy: () => import('./features/applications/SummaryPage').then((m) => ({ Component: m.SummaryPage })) },
          { path: '/ansoegninger/:id/kvittering', lazy: () => import('./features/applications/ReceiptPage').then((m) => ({ Component: m.ReceiptPage })) },
          { path: '/sager/:id', lazy: () => import('./features/casework/CaseRoutes').then((m) => ({ Component: m.CaseRoute })) },
          { path: '/sager/:id/rapporter', lazy: () => import('./features/reports/ReportsPage').then((m) => ({ Component: m.ReportsPage })) },
          { path: '/sager/:id/rapporter/:reportId', lazy: () => import('./features/casework/CaseRoutes').then((m) => ({ Component: m.ReportRoute })) },
          { path: '/sager/:id/forlaengelse', lazy: () => import('./features/casework/CaseRoutes').then((m) => ({ Component: m.ExtensionRoute })) },
          {
            element: <RequireRole roles={['caseworker', 'admin']} />,
            children: [
              { path: '/sager/:id/vurdering', lazy: () => import('./features/casework/AssessmentPage').then((m) => ({ Component: m.AssessmentPage })) },
            ],
          },
          {
            element: <RequireRole roles={['caseworker']} />,
            children: [{ path: '/sager/:id/afgoerelse', lazy: () => import('./features/casework/DecisionPage').then((m) => ({ Component: m.DecisionPage })) }],
          },
          { path: '/notifikationer', lazy: () => import('./features/notifications/NotificationsPage').then((m) => ({ Component: m.NotificationsPage })) },
          {
            // The administrator's pages: programmes and their books, the audit trail, users, reminders.
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: '/puljer', lazy: () => import('./features/admin/ProgrammesPage').then((m) => ({ Component: m.ProgrammesPage })) },
              { path: '/puljer/ny', lazy: () => import('./features/admin/ProgrammeFormPage').then((m) => ({ Component: m.ProgrammeFormPage })) },
              { path: '/puljer/:id', lazy: () => import('./features/admin/ProgrammeFormPage').then((m) => ({ Component: m.ProgrammeFormPage })) },
              { path: '/puljer/:id/regnskab', lazy: () => import('./features/admin/LedgerPage').then((m) => ({ Component: m.LedgerPage })) },
              { path: '/revisionsspor', lazy: () => import('./features/admin/AuditPage').then((m) => ({ Component: m.AuditPage })) },
              { path: '/brugere', lazy: () => import('./features/admin/UsersPage').then((m) => ({ Component: m.UsersPage })) },
              { path: '/paamindelser', lazy: () => import('./features/admin/RemindersPage').then((m) => ({ Component: m.RemindersPage })) },
            ],
          },
        ],
      },
      { path: '*', lazy: () => import('./ui/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
]);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A problem answer (404, 403, 400) is the answer; only a lost connection or a 5xx is tried again.
      retry: (failures, error) => failures < 2 && (!isProblem(error) || error.status === 0 || error.status >= 500),
      staleTime: 15_000,
    },
  },
});

// Whatever was read for one user is gone when they sign out or their session ends.
sessionStore.subscribe(() => {
  if (sessionStore.get().status === 'signed-out') queryClient.clear();
});
void restoreSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
