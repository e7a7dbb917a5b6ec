import { lazy, Suspense } from 'react';
import { useSession } from '../../api/session';
import { Loading } from '../../ui/Loading';

// Each role's front page is its own chunk: a project lead never loads the caseworker's worklist.
const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));
const WorklistPage = lazy(() => import('../worklist/WorklistPage').then((m) => ({ default: m.WorklistPage })));
const ProgrammesPage = lazy(() => import('../admin/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })));

/** `/`: a project lead's cases (Mine sager), a caseworker's worklist (Arbejdsliste), an administrator's programmes (Puljer). */
export function FrontPage() {
  const { user } = useSession();
  return (
    <Suspense fallback={<Loading />}>{user?.role === 'project_lead' ? <HomePage /> : user?.role === 'admin' ? <ProgrammesPage /> : <WorklistPage />}</Suspense>
  );
}
