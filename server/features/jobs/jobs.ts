// What every route that offers a job shares (pure).

/** RFC 7240: `Prefer: respond-async` asks for the job instead of waiting for the answer. */
export function prefersAsync(prefer: string | string[] | undefined): boolean {
  return [prefer ?? []].flat().some((h) => h.split(',').some((p) => p.trim().toLowerCase() === 'respond-async'));
}

/**
 * How long a finished export's file may be fetched: long enough to come back to the page, short
 * enough that the database does not turn into a second archive of personal data.
 */
export const jobFileLifetimeMs = 30 * 60 * 1000;

export const jobFileUrl = (jobId: string) => `/api/jobs/${jobId}/file`;
