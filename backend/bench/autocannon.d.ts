/** The part of autocannon 9's API the API bench uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      requests?: { method?: string; path?: string; headers?: Record<string, string> }[];
    }
    interface Histogram {
      average: number;
      p50: number;
      p90: number;
      p99: number;
      [percentile: string]: number;
    }
    interface Result {
      latency: Histogram;
      requests: Histogram;
      errors: number;
      non2xx: number;
      timeouts: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
