/** Step 4: concurrent clients against one endpoint (autocannon, programmatic API). */
import autocannon from "autocannon";

export type LoadResult = {
  url: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  errors: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  statusCodes: Record<string, number>;
};

export async function loadTest(url: string, cookie: string, connections: number, durationSeconds: number): Promise<LoadResult> {
  const statusCodes: Record<string, number> = {};
  const instance = autocannon({
    url,
    connections,
    duration: durationSeconds,
    headers: { cookie, accept: "application/json" },
    timeout: 30,
  });
  instance.on("response", (_client: unknown, statusCode: number) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const r = await instance;
  return {
    url,
    connections,
    durationSeconds,
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    non2xx: r.non2xx,
    socketErrors: r.errors,
    timeouts: r.timeouts,
    errors: r.non2xx + r.errors,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.average },
    statusCodes,
  };
}
