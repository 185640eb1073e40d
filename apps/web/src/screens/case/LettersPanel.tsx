import type { CaseDetail, LetterKind } from '../../api/types';
import { DownloadButton } from '../../components/DownloadButton';
import { LiveStatus, Section } from '../../components/layout';
import { formatDateTime } from '../../lib/format';

const TITLES: Record<LetterKind, string> = { denial: 'Denial letter', needs_info: 'Letter asking the requester to cure', extension: 'Extension notice' };

/** Letters written for the case; the latest of each kind can be downloaded. */
export function LettersPanel({ c }: { c: CaseDetail }) {
  const denying = c.pendingStep === 'denial';
  if (c.letters.length === 0 && !denying) return null;
  const latestOfKind = new Map(c.letters.map((l) => [l.kind, l]));
  return (
    <Section title="Letters">
      {denying && <LiveStatus>Writing the denial letter…</LiveStatus>}
      <ul className="letters">
        {[...latestOfKind.values()].map((letter) => (
          <li key={letter.id}>
            <span>
              <strong>{TITLES[letter.kind] ?? letter.kind}</strong> <span className="muted">· {formatDateTime(letter.createdAt)}</span>
            </span>
            <DownloadButton path={`/api/cases/${c.id}/letters/${letter.kind}/pdf`} fallbackName={`${letter.kind}-letter-${c.caseNumber}.pdf`}>
              {`Download ${(TITLES[letter.kind] ?? letter.kind).toLowerCase()} (PDF)`}
            </DownloadButton>
          </li>
        ))}
      </ul>
    </Section>
  );
}
