/** Reason or contradiction codes as a comma-separated run of <code> elements. */
export function CodeList({ codes }: { codes: string[] }) {
  if (!codes.length) return <span className="muted">none</span>;
  return (
    <>
      {codes.map((code, i) => (
        <span key={code}>
          {i > 0 && ', '}
          <code>{code}</code>
        </span>
      ))}
    </>
  );
}
