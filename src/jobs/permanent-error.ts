// A handler throws PermanentJobError when retrying cannot help (a mail server's 5xx, a payload
// that will never parse): the worker parks the job at once instead of burning its attempts.
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
