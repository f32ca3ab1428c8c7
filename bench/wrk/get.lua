-- A plain GET of one address, as a phone or a script sends it (Brotli accepted), and the figures
-- bench/register.py reads: wrk -t4 -c4 -d10s -s bench/wrk/get.lua http://127.0.0.1:8000/api/needs
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
wrk.headers["Accept-Language"] = "en-GB"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d errors=%d status_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
