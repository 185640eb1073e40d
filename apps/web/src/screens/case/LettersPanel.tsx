import { client, download } from '../../api/client';
import type { CaseDetail, LetterKind } from '../../api/schema';
import { DownloadButton } from '../../components/DownloadButton';
import { LiveStatus, Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import type { CaseWatch } from './useCaseWatcher';

const TITLES: Record<LetterKind, string> = { denial: 'Denial letter', objection: 'Written objection to the subpoena', needs_info: 'Letter asking the requester to cure', extension: 'Extension notice' };
const title = (kind: string) => TITLES[kind as LetterKind] ?? kind;

/** Letters written for the case; the latest of each kind can be downloaded. */
export function LettersPanel({ c, awaited, onCheckAgain }: { c: CaseDetail; awaited: CaseWatch['letter']; onCheckAgain: () => void }) {
  const denying = c.pendingStep === 'denial';
  if (c.letters.length === 0 && !denying && !awaited) return null;
  const latestOfKind = new Map(c.letters.map((l) => [l.kind, l]));
  return (
    <Section title="Letters">
      <LiveStatus>
        {denying ? 'Writing the denial letter…' : awaited && !awaited.stalled ? `Writing the ${title(awaited.kind).toLowerCase()}…` : ''}
      </LiveStatus>
      {awaited?.stalled && (
        <p>
          The {title(awaited.kind).toLowerCase()} is taking longer than usual.{' '}
          <button type="button" className="button button--link" onClick={onCheckAgain}>
            Check again
          </button>
        </p>
      )}
      {latestOfKind.size > 0 && (
        <ul className="letters">
          {[...latestOfKind.values()].map((letter) => (
            <li key={letter.id}>
              <span>
                <strong>{title(letter.kind)}</strong> <span className="muted">· {formatDateTime(letter.createdAt)}</span>
              </span>
              <DownloadButton file={() => download(client.GET('/api/cases/{id}/letters/{kind}/pdf', { params: { path: { id: c.id, kind: letter.kind } }, parseAs: 'blob' }), `${letter.kind}-letter-${c.caseNumber}.pdf`)}>
                {`Download ${title(letter.kind).toLowerCase()} (PDF)`}
              </DownloadButton>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
