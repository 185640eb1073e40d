/**
 * A description of an error that is safe to log: its type and, for database errors, the SQLSTATE code and the
 * constraint, table and column involved — never the message, which may quote patron data from a row.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const driver = (error as { driverError?: Record<string, unknown> }).driverError ?? (error as unknown as Record<string, unknown>);
  const parts = [error.name];
  for (const key of ['code', 'constraint', 'table', 'column', 'routine'] as const) {
    const value = driver[key];
    if (typeof value === 'string' && value.length <= 64) parts.push(`${key}=${value}`);
  }
  return parts.join(' ');
}
