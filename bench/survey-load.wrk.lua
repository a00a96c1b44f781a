-- wrk script of bench/survey-load.bench.ts (--client wrk): each request submits the next unused
-- household code, read from a file per thread; statuses are counted and printed by done() as one
-- JSON line starting with "RESULT ".
--
--   wrk -t T -c C -d S --latency --timeout 10s -s bench/survey-load.wrk.lua URL -- CODES_PREFIX RATE T ARRIVALS
--
-- CODES_PREFIX: thread i (1-based) reads CODES_PREFIX.i, one line per request: "code body".
-- RATE > 0 paces the sends: each thread keeps a schedule of evenly spaced slots (RATE / T per
-- second) and a connection that is free claims the next slot and waits for it (delay()). ARRIVALS
-- "poisson" (the default) spaces the slots by exponentially distributed gaps of that mean, as
-- independent phones arrive; "even" spaces them exactly. A send
-- that starts after its slot because every connection was busy is counted as late, with how late;
-- if none is late, the arrivals were the fixed rate and wrk's latency (send to reply) is the
-- latency of a fixed-rate load. RATE 0: closed loop (each connection sends again at once).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } fivestar_timespec;
  int clock_gettime(int clock, fivestar_timespec *ts);
]]
local ts = ffi.new("fivestar_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local requests = {}
local next_request = 1
local interval = 0
local poisson = true
local slot = nil

-- Shared with done() through thread:get (numbers and tables of numbers only).
statuses = {}
exhausted = 0
late = 0
late_over_10ms = 0
max_late_ms = 0
sent = 0

function init(args)
  local prefix, rate = args[1], tonumber(args[2] or "0")
  local count = tonumber(args[3] or "1")
  poisson = (args[4] or "poisson") == "poisson"
  math.randomseed(id * 7919 + os.time())
  for line in io.lines(prefix .. "." .. id) do
    local code, body = line:match("^(%S+) (.*)$")
    requests[#requests + 1] = wrk.format("POST", "/api/public/surveys/" .. code, { ["Content-Type"] = "application/json" }, body)
  end
  if rate > 0 then
    interval = 1000 / (rate / count)
  end
end

function delay()
  if interval == 0 then return 0 end
  local t = now_ms()
  if slot == nil then slot = t end
  local wait = slot - t
  if poisson then
    slot = slot - math.log(1 - math.random()) * interval
  else
    slot = slot + interval
  end
  if wait < 0 then
    -- Every connection was busy at this slot: the send starts late.
    local lateness = -wait
    if lateness > 1 then
      late = late + 1
      if lateness > 10 then late_over_10ms = late_over_10ms + 1 end
      if lateness > max_late_ms then max_late_ms = lateness end
    end
    return 0
  end
  return math.floor(wait + 0.5)
end

function request()
  local r = requests[next_request]
  if r == nil then
    -- Out of codes: an unknown code (answered 404), counted apart.
    exhausted = exhausted + 1
    return wrk.format("POST", "/api/public/surveys/EXHAUSTED", { ["Content-Type"] = "application/json" }, "{}")
  end
  requests[next_request] = false
  next_request = next_request + 1
  sent = sent + 1
  return r
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, _requests)
  local total = {}
  local out = { late = 0, lateOver10ms = 0, maxLateMs = 0, exhausted = 0, sent = 0 }
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
    out.late = out.late + thread:get("late")
    out.lateOver10ms = out.lateOver10ms + thread:get("late_over_10ms")
    out.maxLateMs = math.max(out.maxLateMs, thread:get("max_late_ms"))
    out.exhausted = out.exhausted + thread:get("exhausted")
    out.sent = out.sent + thread:get("sent")
  end
  local ok, non2xx, parts = 0, 0, {}
  for status, n in pairs(total) do
    if status >= 200 and status < 300 then ok = ok + n else non2xx = non2xx + n end
    parts[#parts + 1] = string.format('"%d":%d', status, n)
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"durationUs":%d,"requests":%d,"ok2xx":%d,"non2xx":%d,"statuses":{%s},' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.0f},' ..
      '"late":%d,"lateOver10ms":%d,"maxLateMs":%.1f,"exhausted":%d,"sent":%d}\n',
    summary.duration, summary.requests, ok, non2xx, table.concat(parts, ","),
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max, latency.mean,
    out.late, out.lateOver10ms, out.maxLateMs, out.exhausted, out.sent))
end
