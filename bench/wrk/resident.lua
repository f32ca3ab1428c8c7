-- One resident per connection (run wrk with as many threads as connections, -t N -c N, so each
-- thread's Lua state is one connection): it opens the round once for its session cookie and CSRF
-- token, then repeats one action as a phone would send it (Brotli accepted, British English).
--
--   wrk -t16 -c16 -d10s -s bench/wrk/resident.lua http://127.0.0.1:8000 -- get /rounds/x/needs/7
--   wrk ... -- cast /rounds/x/ballot 11,12,13 /rounds/x/ballot      (order, then the page to join on)
--   wrk ... -- support /rounds/x/needs/7/support /rounds/x
--   wrk ... -- took-part /rounds/x/needs/7 "" /rounds/x /rounds/x/needs/7/support   (supports once, then GETs)
local mode, path, needs, start, join
local cookie, token, joined
local version, count, pending = 0, 0, nil

function init(args)
  mode, path = args[1], args[2]
  needs = {}
  for id in string.gmatch(args[3] or "", "%d+") do needs[#needs + 1] = id end
  start = args[4] or args[3] or path
  join = args[5]
  math.randomseed(os.time() + tonumber(tostring(needs):match("0x(%x+)") or "1", 16))
end

local function headers(extra)
  local h = {["Accept-Encoding"] = "gzip, deflate, br", ["Accept-Language"] = "en-GB"}
  if cookie then h["Cookie"] = cookie end
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

local function nonce()
  local chars = {}
  for i = 1, 16 do chars[i] = string.char(97 + math.random(0, 25)) end
  return table.concat(chars)
end

local function cast_body()
  -- A different order each time, so every cast changes the stored ballot.
  local order, n = {}, #needs
  for i = 1, n do order[i] = "order=" .. needs[(count + i - 1) % n + 1] end
  return "csrf_token=" .. token .. "&nonce=" .. nonce() .. "&based_on=" .. version .. "&" ..
         table.concat(order, "&") .. "&cast=1"
end

function request()
  if not token then
    pending = "start"
    -- Plain, so the token can be read from the body.
    return wrk.format("GET", start, {["Accept-Language"] = "en-GB"})
  end
  local form = {["Content-Type"] = "application/x-www-form-urlencoded"}
  if mode == "took-part" and not joined then
    -- Supporting a need makes this browser a participant: its pages are its own, rendered afresh.
    pending = "join"
    return wrk.format("POST", join, headers(form), "csrf_token=" .. token)
  end
  pending = mode
  if mode == "get" or mode == "took-part" then
    return wrk.format("GET", path, headers())
  end
  if mode == "cast" then
    return wrk.format("POST", path, headers(form), cast_body())
  end
  return wrk.format("POST", path, headers(form), "csrf_token=" .. token)
end

function response(status, headers, body)
  local set = headers["Set-Cookie"]
  if pending == "start" then
    if set then cookie = set:match("^([^;]+)") end
    token = body:match('"X%-CSRFToken": "([^"]+)"')
  elseif pending == "join" then
    if set then cookie = set:match("^([^;]+)") end
    joined = status == 302
  elseif pending ~= "get" and pending ~= "took-part" and status == 302 then
    -- The first post makes this browser a participant: keep that session. Later posts only add a
    -- flash message that the page after the redirect would show and drop, so their cookie is not kept.
    if count == 0 and set then cookie = set:match("^([^;]+)") end
    version, count = version + 1, count + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d errors=%d status_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
