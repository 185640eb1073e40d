/** A labelled progress bar with its percentage in words, for rendering and import jobs. */
export function ProgressBar({ label, value, detail }: { label: string; value: number; detail?: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress">
      <div className="progress__label">
        <span>{label}</span>
        <span>{percent}%</span>
      </div>
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}%${detail ? `, ${detail}` : ''}`}>
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      {detail && <p className="hint">{detail}</p>}
    </div>
  );
}
