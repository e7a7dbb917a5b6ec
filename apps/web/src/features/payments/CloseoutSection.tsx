import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../format';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useArrivalFocus } from '../../ui/useArrivalFocus';
import type { Award } from '../cases/useCase';
import { useAwardReports } from '../reports/useReports';
import { type Closeout, useCloseAward, useCloseout, useFinalAccounts, useAwardRepayments } from './useFinalAccounts';
import { useAwardInstalments } from './usePayments';

/** Where on the case an open item is dealt with: a report on its own page, the money in its section here. */
function useWhere(award: Award, applicationId: string) {
  const reports = useAwardReports(award.id);
  const instalments = useAwardInstalments(award.id);
  const filings = useFinalAccounts(award.id);
  const claims = useAwardRepayments(award.id);
  return (item: Closeout['open'][number]): { to: string; label: string; hash: boolean } | null => {
    if (reports.data?.some((report) => report.id === item.id))
      return { to: `/sager/${applicationId}/rapporter/${item.id}`, label: 'Gå til rapporten', hash: false };
    if (instalments.data?.some((instalment) => instalment.id === item.id)) return { to: '#udbetalinger', label: 'Gå til Udbetalinger', hash: true };
    // A cancelled award's claim is shown with its cancellation (AmendmentsSection).
    if (claims.data?.some((claim) => claim.id === item.id && claim.cause === 'cancellation'))
      return { to: '#aendringer', label: 'Gå til Ændringer af tilsagnet', hash: true };
    if (item.id === award.id || filings.data?.some((filing) => filing.id === item.id) || claims.data?.some((claim) => claim.id === item.id))
      return { to: '#slutregnskab', label: 'Gå til Slutregnskab', hash: true };
    return null;
  };
}

/** Moves to a section of this page and the keyboard with it (the heading takes focus). */
function goTo(hash: string) {
  const heading = document.getElementById(hash.slice(1));
  heading?.scrollIntoView();
  heading?.focus({ preventScroll: true });
}

/**
 * The close-out (afslutning): what still keeps the award open, each with a link to where it is done,
 * and for a caseworker, once nothing is open and the award is completed, the button that closes the
 * case (after a confirmation: nothing of a closed award changes).
 */
export function CloseoutSection({ award, applicationId, role }: { award: Award; applicationId: string; role: string }) {
  const closeout = useCloseout(award.id);
  const close = useCloseAward(award.id);
  const where = useWhere(award, applicationId);
  const [confirming, setConfirming] = useState(false);
  useArrivalFocus('afslutning', closeout.data !== undefined);
  const focusHeading = () => requestAnimationFrame(() => document.getElementById('afslutning')?.focus());
  return (
    <section aria-labelledby="afslutning">
      <h2 id="afslutning" tabIndex={-1}>
        Afslutning
      </h2>
      {closeout.isPending && <Loading text="Henter tjeklisten …" />}
      {closeout.error && <ProblemAlert error={closeout.error} heading="Tjeklisten kunne ikke hentes" />}
      {closeout.data && award.status === 'closed' && (
        <Alert tone="success" heading="Sagen er lukket" testId="afslutning-status">
          <p>Lukket {award.closedAt ? formatDateTime(award.closedAt) : ''}. Intet på tilsagnet kan ændres, medmindre sagen genåbnes.</p>
        </Alert>
      )}
      {closeout.data && award.status !== 'closed' && (
        <>
          <p className="mt-0">
            Sagen kan lukkes, når rapporterne og slutregnskabet er godkendt, alle rater er udbetalt eller annulleret, og alle krav om tilbagebetaling er
            indbetalt eller eftergivet.
          </p>
          {closeout.data.open.length > 0 ? (
            <>
              <h3>Det mangler</h3>
              <ul className="closeout-list" data-testid="afslutning-mangler">
                {closeout.data.open.map((item) => {
                  const target = where(item);
                  return (
                    <li key={`${item.id}:${item.what}`}>
                      {item.what}.{' '}
                      {target &&
                        (target.hash ? (
                          <a
                            href={target.to}
                            onClick={(event) => {
                              event.preventDefault();
                              goTo(target.to);
                            }}
                          >
                            {target.label}
                          </a>
                        ) : (
                          <Link to={target.to}>{target.label}</Link>
                        ))}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : (
            <p data-testid="afslutning-mangler">
              {closeout.data.closable
                ? 'Intet mangler: sagen kan lukkes.'
                : 'Intet mangler, men tilsagnet er ikke afsluttet endnu (slutrapporten er ikke godkendt).'}
            </p>
          )}
          {close.error && <ProblemAlert error={close.error} heading="Sagen kunne ikke lukkes" />}
          {role === 'caseworker' && closeout.data.closable && !confirming && (
            <button type="button" className="button button-primary" onClick={() => setConfirming(true)}>
              Luk sagen
            </button>
          )}
          {confirming && (
            <div data-testid="luk-bekraeft">
              <Alert tone="warning" heading="Vil du lukke sagen?">
                <p>
                  Når sagen er lukket, kan intet på tilsagnet ændres: ingen udbetalinger, rapporter, dokumenter eller krav. Kun en registreret genåbning ændrer
                  det.
                </p>
              </Alert>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={close.isPending}
                  onClick={() =>
                    close.mutate(undefined, {
                      onSuccess: () => {
                        setConfirming(false);
                        focusHeading();
                      },
                    })
                  }
                >
                  {close.isPending ? 'Lukker …' : 'Ja, luk sagen'}
                </button>
                <button
                  type="button"
                  className="button button-tertiary"
                  onClick={() => {
                    setConfirming(false);
                    focusHeading();
                  }}
                >
                  Fortryd
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
