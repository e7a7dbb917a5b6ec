import { Link } from 'react-router';
import { formatDateTime, formatKroner } from '../../format';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Table } from '../../ui/Table';
import { type Programme, useProgrammes } from '../reference/useReference';

/** Where a programme stands in its application window, in words. */
export function windowState(programme: Pick<Programme, 'applicationOpensAt' | 'applicationClosesAt'>, now = Date.now()): string {
  if (now < Date.parse(programme.applicationOpensAt)) return `Åbner ${formatDateTime(programme.applicationOpensAt)}`;
  if (now < Date.parse(programme.applicationClosesAt)) return `Åben til ${formatDateTime(programme.applicationClosesAt)}`;
  return `Lukket ${formatDateTime(programme.applicationClosesAt)}`;
}

/** `/puljer`, and an administrator's `/`: every programme with its money, to edit or to audit. */
export function ProgrammesPage() {
  const programmes = useProgrammes();
  return (
    <Page title="Puljer">
      <p className="font-lead">Puljerne, deres ansøgningsvinduer og deres penge. Opret en ny pulje, ret en pulje, eller se dens regnskab.</p>
      <p>
        <Link to="/puljer/ny" className="button button-primary">
          Opret pulje
        </Link>
      </p>
      {programmes.isPending ? (
        <Loading text="Henter puljer …" />
      ) : programmes.error ? (
        <ProblemAlert error={programmes.error} />
      ) : programmes.data.length === 0 ? (
        <p>Der er ingen puljer endnu.</p>
      ) : (
        <Table
          caption="Puljer"
          testId="puljer"
          rows={programmes.data}
          rowKey={(programme) => programme.id}
          columns={[
            {
              header: 'Pulje',
              cell: (programme) => (
                <>
                  <Link to={`/puljer/${programme.id}`}>{programme.name}</Link>
                  <br />
                  <span className="small-text">{programme.code}</span>
                </>
              ),
            },
            { header: 'Ansøgningsvindue', cell: (programme) => windowState(programme) },
            { header: 'Budget inkl. reguleringer', numeric: true, cell: (programme) => formatKroner(programme.budgetOre + programme.adjustmentsOre) },
            { header: 'Bevilget', numeric: true, cell: (programme) => formatKroner(programme.committedOre) },
            {
              header: 'Tilbage',
              numeric: true,
              cell: (programme) =>
                programme.remainingOre < 0 ? <strong>{formatKroner(-programme.remainingOre)} over budget</strong> : formatKroner(programme.remainingOre),
            },
            {
              header: 'Regnskab',
              cell: (programme) => (
                <Link to={`/puljer/${programme.id}/regnskab`} aria-label={`Se regnskab for ${programme.code}`}>
                  Se regnskab
                </Link>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}
