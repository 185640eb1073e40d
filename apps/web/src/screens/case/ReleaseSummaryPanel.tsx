import { api } from '../../api/client';
import type { ReleaseSummary } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { Facts, Section } from '../../components/layout';
import { formatDate, plural } from '../../lib/format';
import { label, RECORD_TYPE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { patronLabel } from '../../lib/patron-aliases';

const SOURCE: Record<ReleaseSummary['scopeSource'], string> = {
  approved: 'the approved scope',
  narrowed_by_review: 'the scope as the attorney narrowed it',
  requested: 'the scope as requested (the attorney did not narrow it)',
};

/** What will be released, first on the approval screen: patrons, dates, record types with counts, and what is withheld and why. */
export function ReleaseSummaryPanel({ caseId, title = 'What will be released' }: { caseId: string; title?: string }) {
  const summary = useResource(() => api.GET('/api/cases/{id}/release-summary', { params: { path: { id: caseId } } }), ['/api/cases/{id}/release-summary', caseId]);
  return (
    <Section title={title} className="release-summary">
      <AsyncContent resource={summary} what="the release summary">
        {(s) => {
          const released = s.parts.filter((p) => p.released);
          const withheldTypes = s.parts.filter((p) => !p.released);
          return (
            <>
              <p>
                Under {SOURCE[s.scopeSource]}: records of{' '}
                <strong>{plural(s.scope.cardNumbers.length, 'patron')}</strong> dated <strong>{formatDate(s.scope.from)}</strong> to{' '}
                <strong>{formatDate(s.scope.to)}</strong>. Rows of other patrons and rows outside those dates are withheld.
              </p>
              <Facts
                items={[
                  ['Card numbers', s.scope.cardNumbers.map((card) => patronLabel(s.scope, card)).join(', ')],
                  ...((s.scope.aliases ?? []).length ? [['Aliases', 'An aliased patron’s rows carry the alias; their card number is withheld from the production'] as [string, string]] : []),
                  ['Contact details', s.scope.includeContactDetails ? 'Released (the instrument names them)' : 'Withheld: not requested'],
                  ['Rows imported', s.rowsImported === 0 ? 'None yet: no records file has been imported' : String(s.rowsImported)],
                ]}
              />
              <div className="table-wrap" tabIndex={0}>
                <table className="table table--compact">
                  <caption>Record types</caption>
                  <thead>
                    <tr>
                      <th scope="col">Record type</th>
                      <th scope="col">Released?</th>
                      <th scope="col" className="num">Rows imported</th>
                      <th scope="col">Withheld from released rows</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...released, ...withheldTypes].map((p) => (
                      <tr key={p.recordType}>
                        <th scope="row">{label(RECORD_TYPE_LABELS, p.recordType)}</th>
                        <td>{p.released ? 'Yes' : `No: ${p.withheldBecause?.label ?? 'not in scope'}`}</td>
                        <td className="num">{p.rowsImported}</td>
                        <td>{p.released ? p.withheldFields.map((w) => w.label).join('; ') || 'Nothing' : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <details>
                <summary>Which columns are withheld, and the legal basis</summary>
                {released.map((p) => (
                  <div key={p.recordType}>
                    <h3>{label(RECORD_TYPE_LABELS, p.recordType)}</h3>
                    <ul>
                      {p.withheldFields.map((w) => (
                        <li key={w.code}>
                          {w.label}: {w.fields.join(', ')} <span className="citation">({w.basis})</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </details>
            </>
          );
        }}
      </AsyncContent>
    </Section>
  );
}
