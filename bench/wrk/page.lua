-- wrk script for scripts/bench.sh: counts answers other than 200 (a lost sign-in answers 302) and prints one
-- tab-separated line: requests, p50, p95, p99 (ms), requests/s, errors (socket errors + statuses other than 200).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
  end
  local e = summary.errors
  bad = bad + e.connect + e.read + e.write + e.timeout
  io.write(string.format("WRK\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d\n",
    summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), bad))
end
