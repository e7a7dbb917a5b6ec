import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, asProblem, isProblem } from '../../api/problem';
import { formatDate, formatDateTime, formatKroner, kronerNumber, parseKroner } from '../../format';
import { MESSAGES, reportName } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { DocumentsSection } from '../documents/DocumentsSection';
import { errorOf, FormProblem, TextArea, TextField, TextList } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Facts } from '../../ui/Table';
import { type ReportDetail, type SubmitReportBody, useReport, useSubmitReport } from './useReports';

type Submission = ReportDetail['submissions'][number];

export function reportFieldLabel(field: string): string {
  const milestone = /^milestones\[(\d+)\]$/.exec(field);
  if (milestone) return `Milepæl ${Number(milestone[1]) + 1}`;
  const labels: Record<string, string> = {
    narrative: 'Hvad er der sket i perioden',
    milestones: 'Milepæle',
    spentToDateOre: 'Forbrug til dato',
    deviations: 'Afvigelser',
    nextSteps: 'Næste skridt',
  };
  return labels[field] ?? field;
}

function ReportForm({ report, previous }: { report: ReportDetail; previous: Submission | undefined }) {
  const submit = useSubmitReport(report.id);
  const [narrative, setNarrative] = useState(previous?.narrative ?? '');
  const [milestones, setMilestones] = useState<string[]>(previous?.milestones.length ? previous.milestones : ['']);
  const [spent, setSpent] = useState(previous ? kronerNumber(previous.spentToDateOre) : '');
  const [deviations, setDeviations] = useState(previous?.deviations ?? '');
  const [nextSteps, setNextSteps] = useState(previous?.nextSteps ?? '');
  const [localProblem, setLocalProblem] = useState<ApiProblem | null>(null);
  const problem = localProblem ?? (submit.error ? asProblem(submit.error) : null);

  const send = () => {
    const spentToDateOre = parseKroner(spent);
    if (spentToDateOre === null) {
      const message = spent.trim() === '' ? 'skal udfyldes' : 'skal være et beløb i kroner, fx 1.234.567,50';
      setLocalProblem(
        new ApiProblem({ status: 400, title: 'Ugyldige oplysninger', detail: 'Ret de markerede felter.', errors: [{ field: 'spentToDateOre', message }] }),
      );
      return;
    }
    setLocalProblem(null);
    const body: SubmitReportBody = {
      narrative: narrative.trim(),
      milestones: milestones.map((milestone) => milestone.trim()),
      spentToDateOre,
      ...(deviations.trim() ? { deviations: deviations.trim() } : {}),
      ...(nextSteps.trim() ? { nextSteps: nextSteps.trim() } : {}),
    };
    submit.mutate(body);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <h2>{previous ? 'Indsend rapporten igen' : 'Indsend rapporten'}</h2>
      <FormProblem error={problem} labels={reportFieldLabel} />
      <TextArea name="narrative" label="Hvad er der sket i perioden" rows={6} value={narrative} onChange={setNarrative} error={errorOf(problem, 'narrative')} />
      <TextList
        name="milestones"
        legend="Milepæle"
        hint="De milepæle, projektet har nået, én pr. felt."
        itemLabel="Milepæl"
        addLabel="Tilføj milepæl"
        problem={problem}
        items={milestones}
        onChange={setMilestones}
      />
      <TextField
        name="spentToDateOre"
        label="Forbrug til dato i kroner"
        hint="Hele projektets forbrug fra start til i dag, fx 1.234.567,50."
        inputMode="decimal"
        width="m"
        suffix="kr."
        value={spent}
        onChange={setSpent}
        error={errorOf(problem, 'spentToDateOre')}
      />
      <TextArea
        name="deviations"
        label="Afvigelser (valgfrit)"
        hint="Hvor afviger projektet fra planen, og hvorfor?"
        value={deviations}
        onChange={setDeviations}
        error={errorOf(problem, 'deviations')}
      />
      <TextArea name="nextSteps" label="Næste skridt (valgfrit)" value={nextSteps} onChange={setNextSteps} error={errorOf(problem, 'nextSteps')} />
      <button type="submit" className="button button-primary" disabled={submit.isPending}>
        {submit.isPending ? 'Indsender …' : 'Indsend rapport'}
      </button>
    </form>
  );
}

export function SubmissionView({ submission }: { submission: Submission }) {
  return (
    <li className="submission">
      <h3>
        Indsendelse {submission.submissionNo}, {formatDateTime(submission.submittedAt)}
      </h3>
      <Facts
        caption={`Indsendelse ${submission.submissionNo}`}
        facts={[
          submission.submittedByName ? ['Indsendt af', submission.submittedByName] : null,
          ['Hvad er der sket i perioden', <span className="pre-line">{submission.narrative}</span>],
          [
            'Milepæle',
            <ul className="mt-0 mb-0">
              {submission.milestones.map((milestone, index) => (
                <li key={index}>{milestone}</li>
              ))}
            </ul>,
          ],
          ['Forbrug til dato', formatKroner(submission.spentToDateOre)],
          submission.deviations ? ['Afvigelser', <span className="pre-line">{submission.deviations}</span>] : null,
          submission.nextSteps ? ['Næste skridt', <span className="pre-line">{submission.nextSteps}</span>] : null,
          submission.reviewOutcome
            ? [
                submission.reviewOutcome === 'return' ? 'Sendt retur' : 'Godkendt',
                `${submission.reviewedAt ? formatDateTime(submission.reviewedAt) : ''}${submission.reviewedByName ? ` af ${submission.reviewedByName}` : ''}${submission.reviewComment ? `: ${submission.reviewComment}` : ''}`,
              ]
            : null,
        ]}
      />
    </li>
  );
}

/**
 * `/sager/:id/rapporter/:reportId`: one report. Due: the form. Returned: the caseworker's comment and
 * the form again, filled in with what was sent. Submitted or approved: what was sent, read-only.
 */
export function ReportPage() {
  const { id = '', reportId = '' } = useParams();
  const report = useReport(reportId);

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
        {notFound ? <p>{MESSAGES.notFoundCaseText}</p> : <ProblemAlert error={report.error} />}
        <p>
          <Link to={`/sager/${id}/rapporter`}>Tilbage til rapporterne</Link>
        </p>
      </Page>
    );
  }
  const detail = report.data;
  const last = detail.submissions.at(-1);
  const returned = detail.status === 'returned' ? [...detail.submissions].reverse().find((submission) => submission.reviewOutcome === 'return') : undefined;
  const open = detail.status === 'due' || detail.status === 'returned';
  return (
    <Page title={`${reportName(detail)}, ${detail.caseNumber}`} heading={reportName(detail)}>
      <p className="font-lead">
        {detail.caseNumber}: {detail.projectTitle}
      </p>
      <p>
        <Link to={`/sager/${detail.caseId}/rapporter`}>Tilbage til rapporterne</Link>
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
      {detail.overdue && (
        <Alert tone="error" heading="Fristen er overskredet" testId="frist-overskredet">
          <p>Rapporten skulle have været indsendt {formatDate(detail.dueDate)}.</p>
        </Alert>
      )}
      {returned && (
        <Alert tone="warning" heading="Rapporten er sendt retur" testId="sendt-retur">
          <p className="pre-line">{returned.reviewComment}</p>
          <p>
            {returned.reviewedByName ?? 'Sagsbehandleren'}
            {returned.reviewedAt ? `, ${formatDateTime(returned.reviewedAt)}` : ''}. Ret rapporten, og indsend den igen.
          </p>
        </Alert>
      )}
      {detail.status === 'submitted' && (
        <Alert tone="success" role="status" heading="Rapporten er indsendt">
          <p>Sagsbehandleren gennemgår den; du får besked, når den er godkendt eller sendt retur.</p>
        </Alert>
      )}
      {detail.status === 'approved' && (
        <Alert tone="success" heading="Rapporten er godkendt">
          {last?.reviewComment && <p className="pre-line">{last.reviewComment}</p>}
        </Alert>
      )}
      {open && <ReportForm key={`${detail.status}:${detail.submissions.length}`} report={detail} previous={returned ?? last} />}
      <section aria-labelledby="bilag">
        <h2 id="bilag">Bilag</h2>
        {open && <p>Vedhæft bilag til rapporten, fx et regnskab eller en evaluering, før du indsender den.</p>}
        <DocumentsSection
          applicationId={detail.caseId}
          caseNumber={detail.caseNumber}
          canDelete={open ? (document) => document.subjectType === 'report' && document.subjectId === detail.id : undefined}
          upload={open ? { subject: { subjectType: 'report', subjectId: detail.id }, kinds: ['report_annex', 'other'] } : undefined}
        />
      </section>
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
