// Request counts and latencies, written in the Prometheus text format.

/** Upper bounds, in seconds, of the latency histogram's buckets. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** What the service counts as it answers. */
export interface Metrics {
  /** Count one answered request: its route pattern, status and seconds taken. */
  observe(route: string, status: number, seconds: number): void
  /** The exposition text, with the index's gauges. */
  render(index: { documents: number; clusters: number }): string
}

/**
 * An empty set of metrics.
 *
 * @example
 * const metrics = createMetrics()
 * metrics.observe('/v1/check', 200, 0.004)
 */
export function createMetrics(): Metrics {
  const requests = new Map<string, number>()
  const latencies = new Map<string, { counts: number[]; sum: number; count: number }>()
  return {
    observe(route, status, seconds) {
      const key = `route="${route}",status="${status}"`
      requests.set(key, (requests.get(key) ?? 0) + 1)
      const latency = latencies.get(route) ?? {
        counts: BUCKETS.map(() => 0),
        sum: 0,
        count: 0,
      }
      BUCKETS.forEach((bound, i) => {
        if (seconds <= bound) latency.counts[i] = (latency.counts[i] ?? 0) + 1
      })
      latency.sum += seconds
      latency.count++
      latencies.set(route, latency)
    },
    render(index) {
      const lines = [
        '# HELP winnow_documents Documents in the index.',
        '# TYPE winnow_documents gauge',
        `winnow_documents ${index.documents}`,
        '# HELP winnow_clusters Clusters in the index.',
        '# TYPE winnow_clusters gauge',
        `winnow_clusters ${index.clusters}`,
        '# HELP winnow_http_requests_total Requests answered, by route and status.',
        '# TYPE winnow_http_requests_total counter',
        ...[...requests].map(([labels, count]) => `winnow_http_requests_total{${labels}} ${count}`),
        '# HELP winnow_http_request_duration_seconds Time to answer a request, by route.',
        '# TYPE winnow_http_request_duration_seconds histogram',
      ]
      for (const [route, latency] of latencies) {
        BUCKETS.forEach((bound, i) => {
          lines.push(
            `winnow_http_request_duration_seconds_bucket{route="${route}",le="${bound}"} ${latency.counts[i] ?? 0}`,
          )
        })
        lines.push(
          `winnow_http_request_duration_seconds_bucket{route="${route}",le="+Inf"} ${latency.count}`,
          `winnow_http_request_duration_seconds_sum{route="${route}"} ${latency.sum}`,
          `winnow_http_request_duration_seconds_count{route="${route}"} ${latency.count}`,
        )
      }
      return `${lines.join('\n')}\n`
    },
  }
}
