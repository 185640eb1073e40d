/**
 * Calls `report` at most once per `intervalMs`: progress bars are read by people polling, and writing every
 * row's progress would cost more than the work it reports on.
 */
export function throttled<T>(intervalMs: number, report: (value: T) => void): (value: T) => void {
  let last = 0;
  return (value: T) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    report(value);
  };
}
