import type { Channel, RecordType, RequestType, Verification } from '../../api/schema';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { CHANNEL_LABELS, optionsOf, RECORD_TYPE_LABELS, RECORD_TYPES, REQUEST_TYPE_LABELS, REQUEST_TYPES, VERIFICATION_LABELS } from '../../lib/labels';
import type { CaseFormState } from './case-form-model';
import { DATE_FIELDS, INSTRUMENT_FIELDS, TYPE_FIELDS } from './request-type-fields';

const requirement = (requestType: RequestType | '', path: string) =>
  requestType && TYPE_FIELDS[requestType].requiredToSubmit.includes(path) ? 'required to submit' : undefined;

type Slice<K extends keyof CaseFormState> = { value: CaseFormState[K]; onChange: (value: CaseFormState[K]) => void };

export function RequestFields({ requestType, receivedAt, channel, onChange }: Pick<CaseFormState, 'requestType' | 'receivedAt' | 'channel'> & { onChange: (patch: Partial<CaseFormState>) => void }) {
  return (
    <fieldset className="form-section">
      <legend>The request</legend>
      <SelectField name="requestType" label="Kind of request" requirement="required" value={requestType} placeholder="Choose the kind of request…"
        options={REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }))} onChange={(v) => onChange({ requestType: v as RequestType | '' })}
        hint="The fields below change with the kind of request." />
      <div className="field-row">
        <TextField name="receivedAt" label="Received (Pacific time)" type="datetime-local" requirement="required" value={receivedAt} onChange={(v) => onChange({ receivedAt: v })}
          hint="Deadlines run from this moment." />
        <SelectField name="channel" label="Received by" value={channel} options={optionsOf(CHANNEL_LABELS)} onChange={(v) => onChange({ channel: v as Channel })} />
      </div>
    </fieldset>
  );
}

export function RequesterFields({ requestType, value, onChange }: { requestType: RequestType | '' } & Slice<'requester'>) {
  const set = (key: keyof CaseFormState['requester']) => (v: string) => onChange({ ...value, [key]: v });
  const extras = requestType ? TYPE_FIELDS[requestType].requester : {};
  return (
    <fieldset className="form-section">
      <legend>Who is asking</legend>
      <div className="field-row">
        <TextField name="requester.name" label="Name" requirement="required" value={value.name} onChange={set('name')} autoComplete="off" />
        {extras.agency && <TextField name="requester.agency" label={extras.agency} requirement={requirement(requestType, 'requester.agency')} value={value.agency} onChange={set('agency')} />}
      </div>
      <div className="field-row">
        {extras.badgeNumber && <TextField name="requester.badgeNumber" label={extras.badgeNumber} value={value.badgeNumber} onChange={set('badgeNumber')} />}
        {extras.barNumber && <TextField name="requester.barNumber" label={extras.barNumber} value={value.barNumber} onChange={set('barNumber')} />}
      </div>
      <div className="field-row">
        <TextField name="requester.email" label="E-mail" type="email" value={value.email} onChange={set('email')} autoComplete="off" />
        <TextField name="requester.phone" label="Phone" type="tel" value={value.phone} onChange={set('phone')} autoComplete="off" />
      </div>
      <TextField name="requester.address" label="Postal address" value={value.address} onChange={set('address')} autoComplete="off" />
      <SelectField name="requester.verification" label="How was their identity checked?" requirement="required" value={value.verification} placeholder="Choose…"
        options={optionsOf(VERIFICATION_LABELS)} onChange={(v) => onChange({ ...value, verification: v as Verification | '' })}
        hint="Front-line staff never hand records over: note the ID and refer the requester to the privacy officer." />
      <TextField name="requester.verificationNote" label="Note on the identity check" value={value.verificationNote} onChange={set('verificationNote')} />
    </fieldset>
  );
}

export function InstrumentFields({ requestType, value, onChange }: { requestType: RequestType | '' } & Slice<'instrument'>) {
  if (!requestType) {
    return (
      <fieldset className="form-section">
        <legend>The instrument</legend>
        <p className="hint">Choose the kind of request first; the fields for its instrument appear here.</p>
      </fieldset>
    );
  }
  const fields = TYPE_FIELDS[requestType];
  const shown = INSTRUMENT_FIELDS.filter((f) => fields.instrument[f]);
  return (
    <fieldset className="form-section">
      <legend>{fields.instrumentTitle}</legend>
      <div className="field-grid">
        {shown.map((f) =>
          f === 'description' ? (
            <TextAreaField key={f} className="field--wide" name={`instrument.${f}`} label={fields.instrument[f]!} rows={3} value={value[f]} onChange={(v) => onChange({ ...value, [f]: v })} />
          ) : (
            <TextField key={f} name={`instrument.${f}`} label={fields.instrument[f]!} type={DATE_FIELDS.includes(f) ? 'date' : 'text'}
              requirement={requirement(requestType, `instrument.${f}`)} value={value[f]} onChange={(v) => onChange({ ...value, [f]: v })} />
          ),
        )}
      </div>
    </fieldset>
  );
}

export function ScopeFields({ value, onChange }: Slice<'scope'>) {
  return (
    <fieldset className="form-section">
      <legend>Records asked for</legend>
      <TextAreaField name="scope.cardNumbers" label="Library card numbers" requirement="required" rows={3} value={value.cardNumbers}
        onChange={(v) => onChange({ ...value, cardNumbers: v })} hint="One per line, or separated by commas. Only the patrons named here can be produced." />
      <div className="field-row">
        <TextField name="scope.from" label="From" type="date" requirement="required" value={value.from} onChange={(v) => onChange({ ...value, from: v })} />
        <TextField name="scope.to" label="To" type="date" requirement="required" value={value.to} onChange={(v) => onChange({ ...value, to: v })} />
      </div>
      <CheckboxGroup<RecordType> name="scope.recordTypes" legend="Kinds of record" requirement="at least one" inline
        options={RECORD_TYPES.map((t) => ({ value: t, label: RECORD_TYPE_LABELS[t] }))} values={value.recordTypes} onChange={(v) => onChange({ ...value, recordTypes: v })} />
      <CheckboxField name="scope.includeContactDetails" label="The instrument names the patron's contact details (address, e-mail, phone)" checked={value.includeContactDetails}
        onChange={(v) => onChange({ ...value, includeContactDetails: v })} />
      <TextAreaField name="scope.aliases" label="Aliases (optional)" rows={2} value={value.aliases} onChange={(v) => onChange({ ...value, aliases: v })}
        hint="One a line, “card number = alias”, e.g. “23000000012345 = Patron A”: when the instrument refers to a patron by an alias or a consent asks that the card number not be printed. The production prints the alias and withholds the card number." />
    </fieldset>
  );
}

export function HandlingFields({ requestType, nondisclosureUntil, emergency, summary, onChange }: Pick<CaseFormState, 'requestType' | 'nondisclosureUntil' | 'emergency' | 'summary'> & { onChange: (patch: Partial<CaseFormState>) => void }) {
  return (
    <fieldset className="form-section">
      <legend>Confidentiality and urgency</legend>
      <TextField name="nondisclosureUntil" label="Nondisclosure (gag) order in force until" type="date" value={nondisclosureUntil} onChange={(v) => onChange({ nondisclosureUntil: v })}
        hint="Leave empty if there is none. While it runs, only the people assigned to the case, auditors and admins can see it." />
      <CheckboxField name="emergency" label="Emergency: place a preservation hold and route to counsel at once" checked={emergency || requestType === 'emergency'}
        disabled={requestType === 'emergency'} onChange={(v) => onChange({ emergency: v })} />
      <TextAreaField name="summary" label="Summary for the file" rows={3} value={summary} onChange={(v) => onChange({ summary: v })} hint="No patron data: it appears in lists." />
    </fieldset>
  );
}
