import { Link, useParams } from 'react-router';
import { isProblem } from '../../api/problem';
import { MESSAGES } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { DownloadButton } from '../../ui/DownloadButton';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ApplicationFacts } from './SummaryPage';
import { useApplication } from './useApplications';

/** `/ansoegninger/:id/kvittering`: the receipt (kvittering): case number and Copenhagen time of receipt; printable. */
export function ReceiptPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);

  if (application.isPending) {
    return (
      <Page title="Kvittering">
        <Loading />
      </Page>
    );
  }
  if (application.error) {
    const notFound = isProblem(application.error) && application.error.status === 404;
    return (
      <Page title={notFound ? MESSAGES.notFoundCase : 'Kvittering'}>
        {notFound ? <p>{MESSAGES.notFoundCaseText}</p> : <ProblemAlert error={application.error} />}
      </Page>
    );
  }
  const receipt = application.data.receipt;
  if (!receipt) {
    return (
      <Page title="Kvittering">
        <Alert tone="info" heading="Ingen kvittering endnu">
          <p>Ansøgningen er ikke indsendt; kvitteringen kommer, når den er.</p>
        </Alert>
        <p>
          <Link to={`/ansoegninger/${application.data.id}/rediger`}>Gå til ansøgningen</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={`Kvittering ${receipt.caseNumber}`} heading="Kvittering">
      <Alert tone="success" heading="Ansøgningen er modtaget">
        <p>
          Sagsnummer <strong data-testid="sagsnummer">{receipt.caseNumber}</strong>, modtaget <span data-testid="modtaget">{receipt.receivedAtCopenhagen}</span>
          .
        </p>
      </Alert>
      <p className="font-lead pre-line">{receipt.text}</p>
      <div className="function-links d-print-none">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          <Icon name="print" />
          Udskriv
        </button>
        <DownloadButton
          applicationId={application.data.id}
          document="receipt"
          filename={`kvittering-${receipt.caseNumber}.pdf`}
          label="Hent kvitteringen som PDF"
        />
      </div>
      <h2>Din ansøgning</h2>
      <ApplicationFacts application={application.data} />
      <p className="d-print-none">
        <Link to={`/sager/${application.data.id}`}>Gå til sagen</Link> · <Link to="/">Tilbage til Mine sager</Link>
      </p>
    </Page>
  );
}
