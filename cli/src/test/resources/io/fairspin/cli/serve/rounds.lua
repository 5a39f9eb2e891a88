-- wrk script for `fairspin serve`: every connection is a player playing whole rounds, as docs/server.md's
-- API says: a session (POST /api/sessions), then round after round: open (POST /api/rounds with the game and
-- an Idempotency-Key, 201) and settle (POST /api/rounds/{id}/settle, 200 with "state":"settled", sent once the
-- round is durable). wrk keeps one script state per thread, so run one connection per thread:
--   wrk -t64 -c64 -d30s --timeout 10s -s rounds.lua http://127.0.0.1:PORT -- GAME [SETTLED_FILE]
-- At the end it prints one line starting "fairspin-load:" (settled rounds, rounds/s, round latency from sending
-- the open to receiving the settled response, p50/p99/max, failed exchanges and the first failure) and, given
-- SETTLED_FILE, writes there every settled round a player saw: "roundId commitment win logIndex" per line.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } fairspin_timespec;
int clock_gettime(int clock, fairspin_timespec *at);
]]
local now = ffi.new("fairspin_timespec")
local CLOCK_MONOTONIC = 1

local function micros()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
  return tonumber(now.tv_sec) * 1000000 + tonumber(now.tv_nsec) / 1000
end

-- The main state: each thread gets its number; done() reads the threads' counts back.
local threads = {}

function setup(thread)
  thread:set("player", #threads + 1)
  table.insert(threads, thread)
end

-- Each thread's (one connection's) player.
game = "sizzling-hot"
keep = false
settledFile = nil
token = nil
round = nil
started = 0
n = 0
settled = 0
failures = 0
firstFailure = nil
latencies = {}
rows = {}
local openBody

function init(args)
  game = args[1] or game
  settledFile = args[2]
  keep = settledFile ~= nil
  openBody = '{"game":"' .. game .. '"}'
end

function request()
  if token == nil then
    return wrk.format("POST", "/api/sessions")
  end
  local auth = { ["Authorization"] = "Bearer " .. token }
  if round == nil then
    n = n + 1
    auth["Idempotency-Key"] = "p" .. player .. "-" .. n
    auth["Content-Type"] = "application/json"
    started = micros()
    return wrk.format("POST", "/api/rounds", auth, openBody)
  end
  return wrk.format("POST", "/api/rounds/" .. round .. "/settle", auth)
end

local function fail(what, status, body)
  failures = failures + 1
  if firstFailure == nil then
    firstFailure = what .. ": " .. status .. " " .. string.sub(body or "", 1, 200)
  end
  token = nil
  round = nil
end

function response(status, headers, body)
  if token == nil then
    token = status == 201 and string.match(body, '"token":"([^"]+)"') or nil
    if token == nil then
      fail("session", status, body)
    end
  elseif round == nil then
    round = status == 201 and string.match(body, '"state":"open"') and string.match(body, '"roundId":"([^"]+)"') or nil
    if round == nil then
      fail("open", status, body)
    end
  elseif status == 200 and string.find(body, '"state":"settled"', 1, true) then
    settled = settled + 1
    latencies[settled] = micros() - started
    if keep then
      rows[settled] = round .. " " .. string.match(body, '"commitment":"(%x+)"') .. " "
          .. string.match(body, '"win":(%d+)') .. " " .. string.match(body, '"logIndex":(%d+)')
    end
    round = nil
  else
    fail("settle " .. round, status, body)
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then
    return 0 -- no round settled: the failures say why
  end
  return sorted[math.max(1, math.ceil(p * #sorted))] / 1000
end

function done(summary, latency, requests)
  local all, out = {}, nil
  local total, failed, first = 0, 0, nil
  for i, thread in ipairs(threads) do
    total = total + thread:get("settled")
    failed = failed + thread:get("failures")
    first = first or thread:get("firstFailure")
    for _, micros in ipairs(thread:get("latencies")) do
      table.insert(all, micros)
    end
    if thread:get("keep") then
      out = out or assert(io.open(thread:get("settledFile"), "w"))
      for _, row in ipairs(thread:get("rows")) do
        out:write(row, "\n")
      end
    end
  end
  if out then
    out:close()
  end
  -- Socket errors and timeouts never reach response(): wrk only counts them.
  local e = summary.errors
  local lost = e.connect + e.read + e.write + e.timeout
  if lost > 0 then
    failed = failed + lost
    first = first or string.format("socket errors: connect %d, read %d, write %d, timeout %d", e.connect, e.read,
        e.write, e.timeout)
  end
  table.sort(all)
  local seconds = summary.duration / 1e6
  io.write(string.format("fairspin-load: %d rounds settled in %.2f s: %.0f rounds/s, round latency p50 %.2f ms,"
      .. " p99 %.2f ms, max %.2f ms; %d failed exchanges; first failure: %s\n", total, seconds, total / seconds,
      percentile(all, 0.50), percentile(all, 0.99), percentile(all, 1.0), failed, first or "none"))
end
