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
  function autocannon(options: {
    url: string;
    connections?: number;
    duration?: number;
    /** Requests cycled through by every connection (paths relative to url). */
    requests?: Array<{ method?: string; path: string }>;
  }): Promise<Result>;
  export default autocannon;
}
