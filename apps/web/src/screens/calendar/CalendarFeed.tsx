import { useState } from 'react';
import { api } from '../../api/client';
import { AsyncContent } from '../../components/AsyncContent';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';

export interface Preferences {
  emailReminders: boolean;
  email: string | null;
  mailConfigured: boolean;
  calendarFeedActive: boolean;
}

/**
 * The private calendar address for Outlook or Google Calendar. The address is the key, so it is shown once, when
 * made; making a new one or turning it off stops the old one working.
 */
export function CalendarFeed() {
  const prefs = useResource(() => api.GET('/api/me/preferences'), ['/api/me/preferences']);
  const [url, setUrl] = useState<string | null>(null);
  const create = useAction(async () => {
    const made = await api.POST('/api/me/calendar-feed');
    setUrl(made.url);
    prefs.reload();
    return made;
  });
  const revoke = useAction(async () => {
    await api.DELETE('/api/me/calendar-feed');
    setUrl(null);
    prefs.reload();
    return true;
  });
  return (
    <AsyncContent resource={prefs} what="your calendar settings">
      {(p) => (
        <div className="calendar-feed">
          <p>
            Subscribe to your deadlines from Outlook or Google Calendar. Each event names only the case number and the deadline, with a
            link; people who open the link still have to sign in.
          </p>
          {create.error && <ErrorAlert error={create.error} title="No calendar address was made" />}
          {revoke.error && <ErrorAlert error={revoke.error} title="The calendar address was not turned off" />}
          {url && (
            <div className="alert alert--info" role="status">
              <h3 className="alert__title">Your private calendar address</h3>
              <p>Copy it now into your calendar program (“subscribe from URL”); it is not shown again. Anyone with it can read your deadlines.</p>
              <label htmlFor="calendar-feed-url">Calendar address</label>
              <input id="calendar-feed-url" className="calendar-feed__url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
            </div>
          )}
          <div className="toolbar">
            <button type="button" className="button button--secondary" onClick={() => void create.run()} disabled={create.pending}>
              {p.calendarFeedActive ? 'Make a new calendar address' : 'Make a calendar address'}
            </button>
            {p.calendarFeedActive && (
              <button type="button" className="button button--danger" onClick={() => void revoke.run()} disabled={revoke.pending}>
                Turn off the calendar address
              </button>
            )}
          </div>
          <p className="muted">{p.calendarFeedActive ? 'A calendar address is active. Making a new one stops the old one.' : 'No calendar address is active.'}</p>
        </div>
      )}
    </AsyncContent>
  );
}

/** E-mail for reminders, assignments and escalations: on or off, for the person themselves. */
export function EmailReminders() {
  const prefs = useResource(() => api.GET('/api/me/preferences'), ['/api/me/preferences']);
  const save = useAction(async (on: boolean) => {
    await api.PUT('/api/me/preferences', { body: { emailReminders: on } });
    prefs.reload();
    return true;
  });
  return (
    <AsyncContent resource={prefs} what="your e-mail settings">
      {(p) => (
        <div className="email-reminders">
          {save.error && <ErrorAlert error={save.error} title="The e-mail setting was not saved" />}
          {!p.mailConfigured && <p className="muted">This installation has no mail server set up (SMTP_URL), so no e-mail is sent yet.</p>}
          <label className="check check--inline">
            <input type="checkbox" checked={p.emailReminders} disabled={save.pending || !p.email} onChange={(e) => void save.run(e.target.checked)} /> E-mail me reminders,
            assignments and escalations{p.email ? ` at ${p.email}` : ''}
          </label>
          {!p.email && <p className="hint">Your account has no e-mail address; ask an administrator to add one.</p>}
          <p className="hint">Each e-mail gives only the case number and a link; nothing about the requester or the patron.</p>
        </div>
      )}
    </AsyncContent>
  );
}
