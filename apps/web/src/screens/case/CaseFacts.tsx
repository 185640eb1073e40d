import type { ReactNode } from 'react';
import type { CaseDetail, Scope } from '../../api/schema';
import { Facts, Section } from '../../components/layout';
import { formatDate } from '../../lib/format';
import { CHANNEL_LABELS, label, RECORD_TYPE_LABELS, VERIFICATION_LABELS } from '../../lib/labels';
import { INSTRUMENT_FIELDS, TYPE_FIELDS } from '../intake/request-type-fields';
import { patronLabel } from '../../lib/patron-aliases';

export function scopeFacts(scope: Scope): [string, ReactNode][] {
  return [
    ['Card numbers', scope.cardNumbers.map((card) => patronLabel(scope, card)).join(', ')],
    ...((scope.aliases ?? []).length ? [['Printed as', 'The production prints each alias instead of its card number, which it withholds'] as [string, ReactNode]] : []),
    ['Dates', `${formatDate(scope.from)} to ${formatDate(scope.to)}`],
    ['Kinds of record', scope.recordTypes.map((t) => label(RECORD_TYPE_LABELS, t)).join(', ')],
    ['Contact details', scope.includeContactDetails ? 'Included' : 'Withheld'],
  ];
}

export function InstrumentFacts({ c }: { c: CaseDetail }) {
  const fields = TYPE_FIELDS[c.requestType];
  return (
    <Facts
      items={INSTRUMENT_FIELDS.filter((f) => c.instrument[f]).map((f) => [
        fields.instrument[f] ?? f,
        f === 'issuedAt' || f === 'complianceDate' ? formatDate(c.instrument[f]) : c.instrument[f],
      ])}
    />
  );
}

/** What was asked, by whom, under what instrument, for which records. */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const r = c.requester;
  return (
    <Section title="The request">
      <div className="facts-grid">
        <div>
          <h3>Requester</h3>
          <Facts
            items={[
              ['Name', r.name],
              ['Agency', r.agency],
              ['Badge number', r.badgeNumber],
              ['Bar number', r.barNumber],
              ['E-mail', r.email],
              ['Phone', r.phone],
              ['Address', r.address],
              ['Identity check', label(VERIFICATION_LABELS, r.verification)],
              ['Note', r.verificationNote],
              ['Received by', label(CHANNEL_LABELS, c.channel)],
            ]}
          />
        </div>
        <div>
          <h3>{TYPE_FIELDS[c.requestType].instrumentTitle}</h3>
          <InstrumentFacts c={c} />
        </div>
        <div>
          <h3>Records asked for</h3>
          <Facts items={scopeFacts(c.scope)} />
          {c.approvedScope && (
            <>
              <h3>Approved scope</h3>
              <Facts items={scopeFacts(c.approvedScope)} />
            </>
          )}
        </div>
      </div>
      {c.summary && <p className="summary">{c.summary}</p>}
    </Section>
  );
}
