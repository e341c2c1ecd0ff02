// The slice of autocannon's API the benches use (the package ships no types).
declare module 'autocannon' {
  interface Stat {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Stat;
    latency: Stat;
    throughput: Stat;
    non2xx: number;
    errors: number;
  }
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  function autocannon(options: {
    url: string;
    connections?: number;
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Replaces `[<id>]` in the body with a fresh id per request. */
    idReplacement?: boolean;
    /** Seconds before a request counts as timed out (default 10). */
    timeout?: number;
    /** Cycled through by every connection. */
    requests?: Request[];
  }): Promise<Result>;
  export default autocannon;
}
