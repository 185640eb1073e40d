import type { CaseState, TimeLeft, Urgency } from '../api/schema';
import { STATE_LABELS, URGENCY_LABELS } from '../lib/labels';

/** The case state as a badge; colour is never the only cue, the word is always there. */
export function StateBadge({ state }: { state: CaseState }) {
  return <span className={`badge badge--state-${state}`}>{STATE_LABELS[state] ?? state}</span>;
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return <span className={`badge badge--${urgency}`}>{URGENCY_LABELS[urgency]}</span>;
}

export function Tag({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'warning' | 'danger' | 'success' }) {
  return <span className={`badge badge--tone-${tone}`}>{children}</span>;
}

/** "due in 2 working days" / "3 days overdue", next to a date; red once late, amber on the day. */
export function TimeLeftNote({ timeLeft }: { timeLeft: TimeLeft | null | undefined }) {
  if (!timeLeft) return null;
  const tone = timeLeft.days < 0 ? 'overdue' : timeLeft.days === 0 ? 'today' : 'ahead';
  return <span className={`time-left time-left--${tone}`}>{timeLeft.phrase}</span>;
}
