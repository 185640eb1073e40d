import { useCallback } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { flash } from '../../app/flash';
import { AsyncContent } from '../../components/AsyncContent';
import { PageHeader } from '../../components/layout';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';
import { Link, navigate } from '../../router/router';
import { caseBody, caseFormFrom, CaseFormState, emptyCaseForm, intakeProblems } from './case-form-model';
import { CaseForm } from './CaseForm';

/** The request body, unless a field is blank or malformed: then nothing is sent and the form says which, all at once. */
function checked(form: CaseFormState) {
  const blanks = intakeProblems(form);
  if (Object.keys(blanks).length) throw ApiError.notSent(blanks);
  return caseBody(form);
}

/** `/cases/new` records a request; `/cases/:id/edit` corrects it while it is still in intake. */
export function CaseFormScreen({ caseId, missing }: { caseId?: string; missing?: string | null }) {
  return caseId ? <EditCase caseId={caseId} missing={missing ?? null} /> : <NewCase />;
}

function NewCase() {
  const save = useAction(useCallback((form: CaseFormState) => api.POST('/api/cases', { body: checked(form) }), []));
  const submit = async (form: CaseFormState) => {
    const created = await save.run(form);
    if (!created) return;
    flash(`Case ${created.caseNumber} saved in intake. Attach the documents, import the records, then submit it for legal review.`);
    navigate(`/cases/${created.id}`);
  };
  return (
    <>
      <PageHeader title="New case" subtitle="Record the request as it arrived. Nothing is released at the desk." />
      <CaseForm initial={emptyCaseForm()} submitLabel="Save case" pending={save.pending} error={save.error} onSubmit={(f) => void submit(f)} onCancel={() => navigate('/')} />
    </>
  );
}

function EditCase({ caseId, missing }: { caseId: string; missing: string | null }) {
  const detail = useResource(() => api.GET('/api/cases/{id}', { params: { path: { id: caseId } } }), ['/api/cases/{id}', caseId]);
  const save = useAction(useCallback((form: CaseFormState) => api.PATCH('/api/cases/{id}', { params: { path: { id: caseId } }, body: checked(form) }), [caseId]));
  const submit = async (form: CaseFormState) => {
    const saved = await save.run(form);
    if (!saved) return;
    flash(`Case ${saved.caseNumber} updated.`);
    navigate(`/cases/${caseId}`);
  };
  const missingErrors = Object.fromEntries((missing ?? '').split(',').filter(Boolean).map((path) => [path, ['Required before the case can be submitted for legal review.']]));
  return (
    <>
      <PageHeader title={detail.data ? `Edit intake: case ${detail.data.caseNumber}` : 'Edit intake'} />
      <AsyncContent resource={detail} what="the case">
        {(c) =>
          c.status !== 'intake' || c.pendingStep ? (
            <p>
              This case has been submitted and can no longer be edited. <Link to={`/cases/${caseId}`}>Back to the case</Link>
            </p>
          ) : (
            <CaseForm initial={caseFormFrom(c)} submitLabel="Save changes" pending={save.pending} error={save.error} initialFieldErrors={missingErrors}
              onSubmit={(f) => void submit(f)} onCancel={() => navigate(`/cases/${caseId}`)} />
          )
        }
      </AsyncContent>
    </>
  );
}
