import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, asProblem, isProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { formatDate, formatDateTime } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, FieldGroup, FormProblem, TextArea } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Facts } from '../../ui/Table';
import { useAward } from '../cases/useCase';
import { useExtensionRequests } from '../extensions/useExtensions';
import { reportName } from '../../text/da';
import { SubmissionView } from '../reports/ReportPage';
import { type ReportDetail, useAwardReports, useReport } from '../reports/useReports';
import { AwardTimeline } from './AwardTimeline';
import { useReviewReport } from './useCasework';

const LABELS: Record<string, string> = { outcome: 'Gennemgang', comment: 'Kommentar til kommunen' };

function ReviewForm({ report }: { report: ReportDetail }) {
  const review = useReviewReport(report.id);
  const [outcome, setOutcome] = useState<'' | 'approve' | 'return'>('');
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<ApiProblem | null>(null);
  const problem = local ?? (review.error ? asProblem(review.error) : null);
  const send = () => {
    const errors = [
      ...(outcome ? [] : [{ field: 'outcome', message: 'vælg godkend eller send retur' }]),
      ...(outcome === 'return' && !comment.trim() ? [{ field: 'comment', message: 'skriv, hvad kommunen skal rette' }] : []),
    ];
    if (outcome === '' || errors.length > 0) {
      setLocal(new ApiProblem({ status: 400, title: 'Ugyldig gennemgang', detail: 'Ret de markerede felter.', errors }));
      return;
    }
    setLocal(null);
    review.mutate({ outcome, comment: comment.trim() }, { onSuccess: () => setComment('') });
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <h2>Gennemgå rapporten</h2>
      <FormProblem error={problem} labels={(field) => LABELS[field] ?? field} />
      <FieldGroup name="outcome" legend="Gennemgang" error={errorOf(problem, 'outcome')}>
        {(
          [
            ['approve', 'Godkend rapporten'],
            ['return', 'Send rapporten retur til kommunen'],
          ] as const
        ).map(([value, label]) => (
          <div className="form-group-radio" key={value}>
            <input
              type="radio"
              className="form-radio"
              id={`gennemgang-${value}`}
              name="outcome"
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            <label className="form-label" htmlFor={`gennemgang-${value}`}>
              {label}
            </label>
          </div>
        ))}
      </FieldGroup>
      <TextArea
        name="comment"
        label="Kommentar til kommunen"
        hint={
          outcome === 'return'
            ? 'Hvad skal kommunen rette eller uddybe, før rapporten kan godkendes?'
            : 'Sendes til kommunens kontaktpersoner sammen med afgørelsen.'
        }
        value={comment}
        onChange={setComment}
        error={errorOf(problem, 'comment')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={review.isPending}>
          {review.isPending ? 'Sender …' : outcome === 'return' ? 'Send retur' : outcome === 'approve' ? 'Godkend' : 'Send gennemgangen'}
        </button>
      </div>
    </form>
  );
}

function Timeline({ awardId }: { awardId: string }) {
  const award = useAward(awardId);
  const reports = useAwardReports(awardId);
  const requests = useExtensionRequests(awardId);
  const error = award.error ?? reports.error ?? requests.error;
  if (error) return <ProblemAlert error={error} heading="Tidslinjen kunne ikke hentes" />;
  if (!award.data || !reports.data || !requests.data) return <Loading text="Henter tidslinjen …" />;
  return <AwardTimeline award={award.data} reports={reports.data} requests={requests.data} />;
}

/** `/sager/:id/rapporter/:reportId` for a caseworker: the report as sent, its history, the award's timeline, and the review. */
export function ReportReviewPage() {
  const { id = '', reportId = '' } = useParams();
  const report = useReport(reportId);
  const { user } = useSession();
  if (report.isPending) {
    return (
      <Page title="Rapport">
        <Loading />
      </Page>
    );
  }
  if (report.error) {
    const notFound = isProblem(report.error) && report.error.status === 404;
    return (
      <Page title={notFound ? 'Rapporten findes ikke' : 'Rapport'}>
        {notFound ? <p>Rapporten findes ikke.</p> : <ProblemAlert error={report.error} />}
        <p>
          <Link to={`/sager/${id}`}>Tilbage til sagen</Link>
        </p>
      </Page>
    );
  }
  const detail = report.data;
  return (
    <Page title={`${reportName(detail)}, ${detail.caseNumber}`} heading={reportName(detail)}>
      <p className="font-lead">
        {detail.caseNumber}: {detail.projectTitle}
      </p>
      <p>
        <Link to={`/sager/${detail.caseId}`}>Tilbage til sagen</Link> · <Link to={`/sager/${detail.caseId}/rapporter`}>Alle rapporter</Link>
      </p>
      <Facts
        caption="Rapporten"
        testId="rapport"
        facts={[
          ['Status', <StatusTag status={detail.status} />],
          ['Frist', `${formatDate(detail.dueDate)}${detail.overdue ? ' (overskredet)' : ''}`],
          detail.submittedAt ? ['Senest indsendt', formatDateTime(detail.submittedAt)] : null,
        ]}
      />
      {detail.status === 'submitted' &&
        (user?.role === 'caseworker' ? <ReviewForm key={detail.submissions.length} report={detail} /> : <p>En sagsbehandler gennemgår rapporten.</p>)}
      {detail.status === 'returned' && (
        <Alert tone="info" role="status" heading="Rapporten er sendt retur" testId="sendt-retur">
          <p>Kommunen retter og indsender den igen.</p>
        </Alert>
      )}
      {detail.status === 'approved' && (
        <Alert tone="success" role="status" heading="Rapporten er godkendt" testId="godkendt">
          <p>Der er ikke mere at gøre ved den.</p>
        </Alert>
      )}
      {detail.status === 'due' && (
        <Alert tone="info" heading="Rapporten er ikke indsendt">
          <p>Fristen er {formatDate(detail.dueDate)}.</p>
        </Alert>
      )}
      <h2>Bevillingens tidslinje</h2>
      <Timeline awardId={detail.awardId} />
      {detail.submissions.length > 0 && (
        <section aria-labelledby="indsendelser">
          <h2 id="indsendelser">Indsendelser</h2>
          <ol className="nobullet-list">
            {[...detail.submissions].reverse().map((submission) => (
              <SubmissionView key={submission.id} submission={submission} />
            ))}
          </ol>
        </section>
      )}
    </Page>
  );
}
