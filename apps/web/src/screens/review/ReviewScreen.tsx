import { api } from '../../api/client';
import type { CaseDetail, ReasonCodeTable, Rule } from '../../api/schema';
import { flash } from '../../app/flash';
import { AsyncContent } from '../../components/AsyncContent';
import { Facts, PageHeader, Section } from '../../components/layout';
import { ReasonList } from '../../components/ReasonList';
import { formatDate } from '../../lib/format';
import { label, RECOMMENDATION_LABELS, REQUEST_TYPE_LABELS, VERIFICATION_LABELS } from '../../lib/labels';
import { useReasonCodes } from '../../lib/reason-codes';
import { useResource } from '../../lib/useResource';
import { Link, navigate } from '../../router/router';
import { InstrumentFacts, scopeFacts } from '../case/CaseFacts';
import { DocumentsPanel } from '../case/DocumentsPanel';
import { SentBackPanel } from '../case/SendBackForm';
import { MissingInstrumentWarning } from '../case/DocumentViewer';
import { DeadlineList } from '../case/DeadlineList';
import { TYPE_FIELDS } from '../intake/request-type-fields';
import { ReviewForm } from './ReviewForm';

/** The attorney's review screen: the instrument and the rule beside the review form. */
export function ReviewScreen({ caseId }: { caseId: string }) {
  const detail = useResource(() => api.GET('/api/cases/{id}', { params: { path: { id: caseId } } }), ['/api/cases/{id}', caseId]);
  const rules = useResource(() => api.GET('/api/rules'), ['/api/rules']);
  const reasonCodes = useReasonCodes();
  return (
    <>
      <PageHeader title={detail.data ? `Review case ${detail.data.caseNumber}` : 'Legal review'} subtitle={detail.data && label(REQUEST_TYPE_LABELS, detail.data.requestType)} />
      <AsyncContent resource={detail} what="the case">
        {(c) => (
          <AsyncContent resource={rules} what="the rules">
            {(table) =>
              c.status !== 'legal_review' || c.pendingStep ? (
                <p>
                  This case is not waiting for legal review. <Link to={`/cases/${c.id}`}>Open the case</Link>
                </p>
              ) : (
                <AsyncContent resource={reasonCodes} what="the reason codes">
                  {(codes) => <ReviewLayout c={c} rule={table[c.requestType]} reasonCodes={codes} />}
                </AsyncContent>
              )
            }
          </AsyncContent>
        )}
      </AsyncContent>
    </>
  );
}

function ReviewLayout({ c, rule, reasonCodes }: { c: CaseDetail; rule: Rule; reasonCodes: ReasonCodeTable }) {
  const recorded = () => {
    flash(`Review of case ${c.caseNumber} recorded. The legal-review step is running.`);
    navigate(`/cases/${c.id}`);
  };
  return (
    <div className="case__grid case__grid--review">
      <div className="case__main">
        <MissingInstrumentWarning c={c} />
        <SentBackPanel sentBack={c.sentBack} />
        <DocumentsPanel c={c} onChanged={() => undefined} />
        <ReviewForm c={c} rule={rule} reasonCodes={reasonCodes} onRecorded={recorded} />
      </div>
      <aside className="case__side" aria-label="The request and its rule">
        <Section title={TYPE_FIELDS[c.requestType].instrumentTitle}>
          <InstrumentFacts c={c} />
          <Facts
            items={[
              ['Requester', `${c.requester.name}${c.requester.agency ? `, ${c.requester.agency}` : ''}`],
              ['Identity check', label(VERIFICATION_LABELS, c.requester.verification)],
              ['Gag order until', c.nondisclosureUntil ? formatDate(c.nondisclosureUntil) : undefined],
            ]}
          />
          <Link to={`/cases/${c.id}`}>Open the full case</Link>
        </Section>
        <Section title="Records asked for">
          <Facts items={scopeFacts(c.scope)} />
        </Section>
        <RulePanel rule={rule} />
        <DeadlineList deadlines={c.deadlines} />
      </aside>
    </div>
  );
}

function RulePanel({ rule }: { rule: Rule }) {
  return (
    <Section title="The rule">
      <Facts
        items={[
          ['Basis for release', rule.basisForRelease ? `${rule.basisForRelease.text} (${rule.basisForRelease.citation})` : 'None of its own under Gov. Code § 7927.105(c)'],
          ['Default recommendation', RECOMMENDATION_LABELS[rule.defaultRecommendation]],
          ['Default reasons', rule.defaultReasonCodes.length ? <ReasonList codes={rule.defaultReasonCodes} /> : undefined],
          ['Gag handling', rule.gagHandling ? `${rule.gagHandling.text} (${rule.gagHandling.citation})` : undefined],
        ]}
      />
      {rule.releaseRoutes && rule.releaseRoutes.length > 0 && (
        <ul>
          {rule.releaseRoutes.map((r) => (
            <li key={r.text}>
              Release possible when: {r.text} <span className="citation">({r.citation})</span>
            </li>
          ))}
        </ul>
      )}
      {rule.notes && rule.notes.length > 0 && (
        <ul>
          {rule.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {rule.counselQuestions.length > 0 && (
        <details>
          <summary>Counsel's settings behind this rule ({rule.counselQuestions.length})</summary>
          <ul>
            {rule.counselQuestions.map((q) => (
              <li key={q.setting}>
                {q.question} <strong>{JSON.stringify(q.value)}</strong> <span className="citation">({q.citation})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}
