import type { DeadlineExplanation as Explanation } from '../../api/schema';
import { Facts } from '../../components/layout';
import { formatDate, instantsInLibraryTime, plural } from '../../lib/format';

/** The working behind a date: rule, start, days counted, days skipped and why, pauses, extension, steps. */
export function DeadlineExplanation({ explanation: e }: { explanation: Explanation }) {
  return (
    <div className="explanation">
      <Facts
        items={[
          ['Rule', e.rule],
          ['Citation', e.citation],
          ['Runs from', `${formatDate(e.start)}${e.startsFrom ? ` (${e.startsFrom})` : ''}`],
          ['Counting', e.counting === 'calendar' ? 'Calendar days' : `${e.counting === 'court' ? 'Court' : 'Working'} days (weekends and holidays skipped)`],
          ['Calendar', e.calendar ? `${e.calendar.name} (${e.calendar.citation})` : undefined],
          ['Days', `${e.baseDays} under the rule${e.daysAdded !== e.baseDays ? `, ${e.daysAdded} with the extension` : ''}; ${e.daysCounted} counted so far`],
        ]}
      />
      {e.steps.length > 0 && (
        <>
          <h3 className="explanation__title">Working</h3>
          <ol className="explanation__steps">
            {e.steps.map((step, i) => (
              <li key={i}>{instantsInLibraryTime(step)}</li>
            ))}
          </ol>
        </>
      )}
      {e.skipped.length > 0 && (
        <>
          <h3 className="explanation__title">{plural(e.skipped.length, 'day')} not counted</h3>
          <ul>
            {e.skipped.map((s) => (
              <li key={`${s.date}-${s.phase}`}>
                {formatDate(s.date)}: {s.reason}
                {s.phase === 'roll_forward' ? ' (the last day moved past it)' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {e.pauses.length > 0 && (
        <>
          <h3 className="explanation__title">Clock paused</h3>
          <ul>
            {e.pauses.map((p) => (
              <li key={p.from}>
                From {formatDate(p.from)} {p.to ? `to ${formatDate(p.to)}` : '(still paused)'}: {p.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {e.extension && (
        <p>
          Extended by {plural(e.extension.grantedDays, 'day')} on {formatDate(e.extension.grantedOn)}: {e.extension.reason}
          {e.extension.capped ? ` (capped at the ${e.extension.maxDays} days the rule allows)` : ''}
          {e.extension.citation ? ` (${e.extension.citation})` : ''}.
        </p>
      )}
    </div>
  );
}
