import { ReactNode, createContext, useContext } from 'react';

/** Field errors from the last failed save, keyed by API field path ("requester.agency", "scope.cardNumbers"). */
const FieldErrorsContext = createContext<Record<string, string[]>>({});
export const FieldErrorsProvider = FieldErrorsContext.Provider;

/** The DOM id of the control for an API field path. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function useFieldErrors(name: string): string[] {
  const all = useContext(FieldErrorsContext);
  return Object.entries(all)
    .filter(([path]) => path === name || path.startsWith(`${name}.`) || path.startsWith(`${name}[`))
    .flatMap(([, messages]) => messages);
}

interface ControlProps {
  id: string;
  name: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

interface ShellProps {
  name: string;
  /** The API field whose errors show here, when it differs from `name` (two "file" inputs on one page). */
  errorName?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown after the label, e.g. "required" or "required to submit". */
  requirement?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Label, hint and error message around one control, wired together for screen readers. */
function FieldShell({ name, errorName, label, hint, requirement, className, children }: ShellProps) {
  const errors = useFieldErrors(errorName ?? name);
  const id = fieldId(name);
  const describedBy = [requirement ? `${id}-req` : '', hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${errors.length ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="field__label">
        <label htmlFor={id}>{label}</label>
        {requirement && (
          <span id={`${id}-req`} className="requirement">
            {' '}({requirement})
          </span>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {errors.join(' ')}
        </p>
      )}
      {children({ id, name, 'aria-describedby': describedBy || undefined, 'aria-invalid': errors.length ? true : undefined, 'aria-required': requirement === 'required' ? true : undefined })}
    </div>
  );
}

type Common = Omit<ShellProps, 'children'> & { value: string; onChange: (value: string) => void; disabled?: boolean };

export function TextField({ type = 'text', autoComplete, inputMode, min, max, placeholder, ...props }: Common & { type?: string; autoComplete?: string; inputMode?: 'text' | 'numeric' | 'email' | 'tel'; min?: string; max?: string; placeholder?: string }) {
  return (
    <FieldShell {...props}>
      {(control) => (
        <input {...control} type={type} value={props.value} onChange={(e) => props.onChange(e.target.value)} disabled={props.disabled}
          autoComplete={autoComplete} inputMode={inputMode} min={min} max={max} placeholder={placeholder} />
      )}
    </FieldShell>
  );
}

export function TextAreaField({ rows = 4, ...props }: Common & { rows?: number }) {
  return (
    <FieldShell {...props}>
      {(control) => <textarea {...control} rows={rows} value={props.value} onChange={(e) => props.onChange(e.target.value)} disabled={props.disabled} />}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ options, placeholder, ...props }: Common & { options: Option[]; placeholder?: string }) {
  return (
    <FieldShell {...props}>
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(e.target.value)} disabled={props.disabled}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A file picker; the chosen file is handed up as is. */
export function FileField({ accept, onFile, ...props }: Omit<ShellProps, 'children'> & { accept?: string; onFile: (file: File | null) => void; disabled?: boolean }) {
  return (
    <FieldShell {...props}>
      {(control) => <input {...control} type="file" accept={accept} disabled={props.disabled} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />}
    </FieldShell>
  );
}

/** One checkbox with its label to the right. */
export function CheckboxField({ name, label, hint, checked, onChange, disabled }: { name: string; label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  const errors = useFieldErrors(name);
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`check${errors.length ? ' field--invalid' : ''}`}>
      <input id={id} name={name} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)}
        aria-describedby={describedBy || undefined} aria-invalid={errors.length ? true : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {errors.length > 0 && <p id={`${id}-error`} className="field-error"><span className="visually-hidden">Error: </span>{errors.join(' ')}</p>}
    </div>
  );
}

interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoiceGroupProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  requirement?: string;
  options: ChoiceOption[];
  inline?: boolean;
}

/** A fieldset with legend, hint and errors for a group of choices; `name` is the API field its errors come from. */
export function ChoiceFieldset({ name, legend, hint, requirement, inline, children }: Omit<ChoiceGroupProps, 'options'> & { children: ReactNode }) {
  const errors = useFieldErrors(name);
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset id={id} className={`choices${inline ? ' choices--inline' : ''}${errors.length ? ' field--invalid' : ''}`} aria-describedby={describedBy || undefined} tabIndex={-1}>
      <legend>
        {legend}
        {requirement && <span className="requirement"> ({requirement})</span>}
      </legend>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {errors.length > 0 && <p id={`${id}-error`} className="field-error"><span className="visually-hidden">Error: </span>{errors.join(' ')}</p>}
      <div className="choices__items">{children}</div>
    </fieldset>
  );
}

/** Radio buttons in a fieldset; one value. */
export function RadioGroup<V extends string>({ value, onChange, options, ...props }: ChoiceGroupProps & { value: V | ''; onChange: (value: V) => void }) {
  const id = fieldId(props.name);
  return (
    <ChoiceFieldset {...props}>
      {options.map((o) => (
        <div className="check" key={o.value}>
          <input type="radio" id={`${id}-${o.value}`} name={props.name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value as V)} />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && <p className="hint">{o.hint}</p>}
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** Checkboxes in a fieldset; a set of values in option order. */
export function CheckboxGroup<V extends string>({ values, onChange, options, ...props }: ChoiceGroupProps & { values: V[]; onChange: (values: V[]) => void }) {
  const id = fieldId(props.name);
  const toggle = (v: V, on: boolean) => onChange(options.map((o) => o.value as V).filter((x) => (x === v ? on : values.includes(x))));
  return (
    <ChoiceFieldset {...props}>
      {options.map((o) => (
        <div className="check" key={o.value}>
          <input type="checkbox" id={`${id}-${o.value}`} name={props.name} value={o.value} checked={values.includes(o.value as V)} onChange={(e) => toggle(o.value as V, e.target.checked)} />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && <p className="hint">{o.hint}</p>}
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** Errors for a field path that has no single control (e.g. "scope" as a whole). */
export function FieldMessage({ name }: { name: string }) {
  const all = useContext(FieldErrorsContext);
  const errors = all[name] ?? [];
  if (!errors.length) return null;
  return (
    <p className="field-error">
      <span className="visually-hidden">Error: </span>
      {errors.join(' ')}
    </p>
  );
}
