import { ReactNode } from 'react';
import type { Resource } from '../lib/useResource';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './layout';

/** Renders a resource: loading, its error (with a retry), or the data. Data stays shown if a refresh fails. */
export function AsyncContent<T>({ resource, what, children }: { resource: Resource<T>; what: string; children: (data: T) => ReactNode }) {
  if (resource.data !== undefined) {
    return (
      <>
        {resource.error && <ErrorAlert error={resource.error} title={`Could not refresh ${what}`} onRetry={resource.reload} />}
        {children(resource.data)}
      </>
    );
  }
  if (resource.error) return <ErrorAlert error={resource.error} title={`Could not load ${what}`} onRetry={resource.reload} />;
  return <Loading what={what} />;
}
