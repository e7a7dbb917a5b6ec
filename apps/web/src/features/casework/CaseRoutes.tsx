import { type ComponentType, lazy, type LazyExoticComponent, Suspense } from 'react';
import { useSession } from '../../api/session';
import { Loading } from '../../ui/Loading';

/**
 * The case's pages are one address for everybody (`/sager/:id`, a notification's link), and a page
 * for each side of the case: the kommune's project lead sees their case; a caseworker or an
 * administrator the ministry's view of it. Each side's page is its own chunk.
 */
function byRole(lead: LazyExoticComponent<ComponentType>, staff: LazyExoticComponent<ComponentType>) {
  return function RolePage() {
    const { user } = useSession();
    const Chosen = user?.role === 'project_lead' ? lead : staff;
    return (
      <Suspense fallback={<Loading />}>
        <Chosen />
      </Suspense>
    );
  };
}

export const CaseRoute = byRole(
  lazy(() => import('../cases/CasePage').then((m) => ({ default: m.CasePage }))),
  lazy(() => import('./CaseworkerCasePage').then((m) => ({ default: m.CaseworkerCasePage }))),
);

export const ReportRoute = byRole(
  lazy(() => import('../reports/ReportPage').then((m) => ({ default: m.ReportPage }))),
  lazy(() => import('./ReportReviewPage').then((m) => ({ default: m.ReportReviewPage }))),
);

export const ExtensionRoute = byRole(
  lazy(() => import('../extensions/ExtensionPage').then((m) => ({ default: m.ExtensionPage }))),
  lazy(() => import('./ExtensionDecisionPage').then((m) => ({ default: m.ExtensionDecisionPage }))),
);
