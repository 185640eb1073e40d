import { FormEvent, useState } from 'react';
import { loadKohaSettings, loadTransparencySettings, saveKohaSettings, saveTransparencySettings } from '../../api/case-actions';
import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import type { SettingsView } from '../../api/schema';

type Schema = components['schemas'];
import { AsyncContent } from '../../components/AsyncContent';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, FieldErrorsProvider, SelectField, TextAreaField, TextField } from '../../components/fields';
import { LiveStatus, PageHeader, Section } from '../../components/layout';
import { Link } from '../../router/router';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';

type DeadlineSettings = SettingsView['deadlines'];
type CityHoliday = DeadlineSettings['cityHolidays'][number];
/** The deadline settings that are day counts. */
type DayKey = { [K in keyof DeadlineSettings]: DeadlineSettings[K] extends number ? K : never }[keyof DeadlineSettings];

/** The day counts an admin may set, with what each one governs; the law's ceilings are checked by the server. */
const DAY_FIELDS: { key: DayKey; label: string; hint: string }[] = [
  { key: 'cpraDeterminationDays', label: 'CPRA determination (days)', hint: 'Gov. Code § 7922.535(a): at most 10.' },
  { key: 'cpraMaxExtensionDays', label: 'CPRA extension, at most (days)', hint: 'Gov. Code § 7922.535(b): at most 14.' },
  { key: 'searchWarrantValidityDays', label: 'Search warrant valid for (days)', hint: 'Penal Code § 1534(a): at most 10.' },
  { key: 'preservationHoldDays', label: 'Preservation hold (days)', hint: 'How long an emergency hold keeps the records; renewable once.' },
  { key: 'legalReviewTargetCourtDays', label: 'Legal review target (court days)', hint: 'Library policy.' },
  { key: 'directorApprovalTargetCourtDays', label: 'Director approval target (court days)', hint: 'Library policy.' },
  { key: 'dueSoonWithinDays', label: '“Due soon” reminder (days before)', hint: 'When the due-soon reminder goes out.' },
];

/** Admin settings: the numbers and the city calendar behind every clock, and counsel's answers to the open questions. */
export function SettingsScreen() {
  const settings = useResource(() => api.GET('/api/settings'), ['/api/settings']);
  return (
    <>
      <PageHeader title="Settings" subtitle="Changes apply to deadlines computed from now on and are audited with what changed." />
      <AsyncContent resource={settings} what="the settings">
        {(s) => (
          <>
            <DeadlineNumbers settings={s.deadlines} onSaved={settings.reload} />
            <CityCalendar settings={s.deadlines} onSaved={settings.reload} />
            <CounselAnswers rules={s.rules} onSaved={settings.reload} />
            <TransparencySettings />
            <KohaSettings />
            <Section title="Retention">
              <p>
                How long each class of record is kept after its case closes, and the purges that follow, are set on the{' '}
                <Link to="/retention">retention screen</Link>.
              </p>
            </Section>
          </>
        )}
      </AsyncContent>
    </>
  );
}

function DeadlineNumbers({ settings, onSaved }: { settings: DeadlineSettings; onSaved: () => void }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(DAY_FIELDS.map((f) => [f.key, String(settings[f.key] ?? '')])));
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState('');
  const save = useAction(async () => {
    const changed = Object.fromEntries(DAY_FIELDS.filter((f) => values[f.key] !== String(settings[f.key])).map((f) => [f.key, Number(values[f.key])]));
    await api.PUT('/api/settings/deadlines', { body: changed });
    setDone(Object.keys(changed).length ? `Saved ${Object.keys(changed).length} change(s).` : 'Nothing had changed.');
    onSaved();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const problems = Object.fromEntries(DAY_FIELDS.filter((f) => !/^\d{1,3}$/.test(values[f.key])).map((f) => [f.key, ['Enter a whole number of days.']]));
    setLocal(problems);
    if (Object.keys(problems).length === 0) void save.run();
  };
  return (
    <Section title="Deadlines">
      <form className="form" onSubmit={submit} noValidate aria-label="Deadline settings">
        {save.error && <ErrorAlert error={save.error} title="The deadline settings were not saved" />}
        <FieldErrorsProvider value={{ ...(save.error?.fieldErrors ?? {}), ...local }}>
          <div className="field-grid">
            {DAY_FIELDS.map((f) => (
              <TextField key={f.key} name={f.key} label={f.label} hint={f.hint} inputMode="numeric" value={values[f.key]} onChange={(v) => setValues({ ...values, [f.key]: v })} />
            ))}
          </div>
        </FieldErrorsProvider>
        <button type="submit" className="button" disabled={save.pending}>
          Save deadline settings
        </button>
        <LiveStatus>{done}</LiveStatus>
      </form>
    </Section>
  );
}

/** The city's own closed days, on top of weekends and California state holidays: no period ends on one. */
function CityCalendar({ settings, onSaved }: { settings: DeadlineSettings; onSaved: () => void }) {
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const save = useAction(async (cityHolidays: CityHoliday[]) => {
    await api.PUT('/api/settings/deadlines', { body: { cityHolidays } });
    setDate('');
    setName('');
    onSaved();
    return true;
  });
  const add = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.holidayDate = ['Enter the date.'];
    if (!name.trim()) problems.holidayName = ['Name the holiday, e.g. “César Chávez Day (city)”.'];
    setLocal(problems);
    if (Object.keys(problems).length === 0) void save.run([...settings.cityHolidays, { date, name: name.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
  };
  return (
    <Section title="City holidays">
      <p>Weekends and California state holidays are already closed days. Add the days the city closes besides those.</p>
      {save.error && <ErrorAlert error={save.error} title="The city holidays were not saved" />}
      {settings.cityHolidays.length === 0 ? (
        <p className="muted">No city holidays set.</p>
      ) : (
        <ul className="holiday-list">
          {settings.cityHolidays.map((h) => (
            <li key={`${h.date}-${h.name}`}>
              {formatDate(h.date)}: {h.name}{' '}
              <button type="button" className="button button--link" onClick={() => void save.run(settings.cityHolidays.filter((x) => x !== h))} disabled={save.pending}>
                Remove<span className="visually-hidden"> {h.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={add} noValidate aria-label="Add a city holiday">
        <FieldErrorsProvider value={local}>
          <TextField name="holidayDate" label="Date" type="date" value={date} onChange={setDate} />
          <TextField name="holidayName" label="Name" value={name} onChange={setName} />
        </FieldErrorsProvider>
        <button type="submit" className="button button--secondary" disabled={save.pending}>
          Add holiday
        </button>
      </form>
    </Section>
  );
}

/** Counsel's answers to the questions the law leaves open; each changes how the rules read a request. */
function CounselAnswers({ rules, onSaved }: { rules: SettingsView['rules']; onSaved: () => void }) {
  const [warrantAsOrder, setWarrantAsOrder] = useState(rules.searchWarrantTreatedAsCourtOrder);
  const [federal, setFederal] = useState(rules.federalProcessHandling);
  const [done, setDone] = useState('');
  const save = useAction(async () => {
    await api.PUT('/api/settings/rules', { body: { searchWarrantTreatedAsCourtOrder: warrantAsOrder, federalProcessHandling: federal } });
    setDone('Saved.');
    onSaved();
    return true;
  });
  return (
    <Section title="Counsel’s answers">
      <form className="form" onSubmit={(e) => (e.preventDefault(), setDone(''), void save.run())} noValidate aria-label="Counsel’s answers">
        {save.error && <ErrorAlert error={save.error} title="Counsel’s answers were not saved" />}
        <FieldErrorsProvider value={save.error?.fieldErrors ?? {}}>
          <CheckboxField name="searchWarrantTreatedAsCourtOrder" label="A search warrant counts as the court order Gov. Code § 7927.105(c)(3) asks for" checked={warrantAsOrder} onChange={setWarrantAsOrder} />
          <SelectField name="federalProcessHandling" label="Federal process (grand jury subpoenas, federal orders)" value={federal} onChange={(value) => setFederal(value as typeof federal)}
            options={[
              { value: 'refer_to_counsel', label: 'Refer each one to counsel' },
              { value: 'comply_when_valid', label: 'Comply when facially valid' },
            ]} />
        </FieldErrorsProvider>
        <button type="submit" className="button" disabled={save.pending}>
          Save counsel’s answers
        </button>
        <LiveStatus>{done}</LiveStatus>
      </form>
    </Section>
  );
}

/**
 * Koha's AnonymousPatron preference: the borrowernumbers anonymised circulation history is filed under, so an
 * import reads those rows as nobody's rather than as an unknown patron's.
 */
function KohaSettings() {
  const koha = useResource(loadKohaSettings, ['/api/settings/koha']);
  return (
    <Section title="Koha">
      <AsyncContent resource={koha} what="the Koha settings">
        {(k) => <KohaForm initial={k.anonymousPatrons} onSaved={koha.reload} />}
      </AsyncContent>
    </Section>
  );
}

function KohaForm({ initial, onSaved }: { initial: number[]; onSaved: () => void }) {
  const [text, setText] = useState(initial.join(', '));
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState('');
  const numbers = text.split(/[\s,]+/).filter(Boolean);
  const save = useAction(async () => {
    await saveKohaSettings(numbers.map(Number));
    setDone('Saved. Imports from now on read these borrowers as anonymised history.');
    onSaved();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const wrong = numbers.filter((n) => !/^[1-9]\d{0,9}$/.test(n));
    if (wrong.length) return setLocal({ anonymousPatrons: [`${wrong.map((w) => `“${w}”`).join(', ')} ${wrong.length === 1 ? 'is not a borrowernumber' : 'are not borrowernumbers'}: use whole numbers, separated by commas.`] });
    if (new Set(numbers).size !== numbers.length) return setLocal({ anonymousPatrons: ['Each borrowernumber once, please.'] });
    setLocal({});
    void save.run();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Koha settings">
      {save.error && <ErrorAlert error={save.error} title="The Koha settings were not saved" />}
      <FieldErrorsProvider value={{ ...(save.error?.fieldErrors ?? {}), ...local }}>
        <TextField name="anonymousPatrons" label="AnonymousPatron borrowernumbers" inputMode="numeric" value={text} onChange={setText}
          hint="Koha › Administration › System preferences › AnonymousPatron. Several, separated by commas; empty if the library keeps no anonymised history." />
      </FieldErrorsProvider>
      <button type="submit" className="button" disabled={save.pending}>
        Save Koha settings
      </button>
      <LiveStatus>{done}</LiveStatus>
    </form>
  );
}

type TransparencyView = Schema['TransparencySettingsView'];

const TRANSPARENCY_NUMBERS = [
  { key: 'fisaPublicationDelayDays', label: 'FISA figures published after (days)', hint: '50 U.S.C. § 1874(b): at least 180.' },
  { key: 'annualPublicationDelayDays', label: 'Annual figures published after (days)', hint: '50 U.S.C. § 1874(b): at least 365.' },
  { key: 'gagThreshold', label: 'Gag-order counts below this read “fewer than”', hint: 'A whole number from 1 to 1000.' },
] as const;
type TransparencyKey = 'nationalSecurityOption' | 'gagOrderCounting' | 'methodology' | (typeof TRANSPARENCY_NUMBERS)[number]['key'];

/** Counsel's choices for the transparency report: the § 1874 structure, the publication delays, gag-order counting. */
function TransparencySettings() {
  const settings = useResource(loadTransparencySettings, ['/api/settings/transparency']);
  return (
    <Section title="Transparency report">
      <AsyncContent resource={settings} what="the transparency settings">
        {(t) => <TransparencyForm settings={t} onSaved={settings.reload} />}
      </AsyncContent>
    </Section>
  );
}

function TransparencyForm({ settings, onSaved }: { settings: TransparencyView; onSaved: () => void }) {
  const keys: TransparencyKey[] = ['nationalSecurityOption', 'gagOrderCounting', 'methodology', ...TRANSPARENCY_NUMBERS.map((f) => f.key)];
  const [values, setValues] = useState<Record<TransparencyKey, string>>(() => Object.fromEntries(keys.map((k) => [k, String(settings[k])])) as Record<TransparencyKey, string>);
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState('');
  const set = (key: TransparencyKey) => (value: string) => setValues({ ...values, [key]: value });
  const isNumber = (key: TransparencyKey) => TRANSPARENCY_NUMBERS.some((f) => f.key === key);
  const save = useAction(async () => {
    const changed = Object.fromEntries(keys.filter((k) => values[k] !== String(settings[k])).map((k) => [k, isNumber(k) ? Number(values[k]) : values[k]]));
    if (Object.keys(changed).length === 0) {
      setDone('Nothing had changed.');
      return true;
    }
    await saveTransparencySettings(changed);
    setDone(`Saved ${Object.keys(changed).length} change(s). Reports made from now on use them.`);
    onSaved();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const problems: Record<string, string[]> = Object.fromEntries(TRANSPARENCY_NUMBERS.filter((f) => !/^\d{1,4}$/.test(values[f.key].trim())).map((f) => [f.key, ['Enter a whole number.']]));
    if (values.methodology.trim().length < 20) problems.methodology = ['Describe the method in at least 20 characters.'];
    setLocal(problems);
    if (Object.keys(problems).length === 0) void save.run();
  };
  const structures = Object.values(settings.structures);
  const chosen = settings.structures[values.nationalSecurityOption];
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Transparency report settings">
      {save.error && <ErrorAlert error={save.error} title="The transparency settings were not saved" />}
      <FieldErrorsProvider value={{ ...(save.error?.fieldErrors ?? {}), ...local }}>
        <SelectField name="nationalSecurityOption" label="National-security figures" value={values.nationalSecurityOption} onChange={set('nationalSecurityOption')}
          options={structures.map((s) => ({ value: s.option, label: s.citation }))} hint={chosen?.description} />
        <div className="field-grid">
          {TRANSPARENCY_NUMBERS.map((f) => (
            <TextField key={f.key} name={f.key} label={f.label} hint={f.hint} inputMode="numeric" value={values[f.key]} onChange={set(f.key)} />
          ))}
        </div>
        <SelectField name="gagOrderCounting" label="Requests under a court’s nondisclosure order" value={values.gagOrderCounting} onChange={set('gagOrderCounting')}
          options={[
            { value: 'aggregate', label: 'Counted once per finished half-year, apart from the rest' },
            { value: 'by_type', label: 'Counted with the other requests of their kind' },
            { value: 'exclude', label: 'Not counted in the report' },
          ]} />
        <TextAreaField name="methodology" label="Methodology (printed in the report)" rows={4} value={values.methodology} onChange={set('methodology')} />
      </FieldErrorsProvider>
      <button type="submit" className="button" disabled={save.pending}>
        Save transparency settings
      </button>
      <LiveStatus>{done}</LiveStatus>
    </form>
  );
}
