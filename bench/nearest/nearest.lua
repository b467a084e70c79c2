-- wrk script for GET /api/nearest: every request asks from a new random position, uniform over the city's box.
-- Usage: wrk -t2 -c64 -d60s --latency -s nearest.lua http://127.0.0.1:PORT -- minLon minLat maxLon maxLat [region]
-- Counts answers by status and by ranking method ("network" or the labelled "straight_line" fallback).

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  minLon, minLat, maxLon, maxLat = tonumber(args[1]), tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  region = args[5] or "demo"
  math.randomseed(os.time() * 1000 + id)
  ok, bad, network, straight = 0, 0, 0, 0
end

function request()
  local lat = minLat + math.random() * (maxLat - minLat)
  local lon = minLon + math.random() * (maxLon - minLon)
  local path = string.format("/api/nearest?region=%s&lat=%.6f&lon=%.6f&limit=10", region, lat, lon)
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
    if string.find(body, '"method":"network"', 1, true) then
      network = network + 1
    else
      straight = straight + 1
    end
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local tok, tbad, tnet, tstraight = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    tok = tok + t:get("ok")
    tbad = tbad + t:get("bad")
    tnet = tnet + t:get("network")
    tstraight = tstraight + t:get("straight")
  end
  io.write(string.format("answers: %d ok (%d network, %d straight_line), %d not 200\n", tok, tnet, tstraight, tbad))
  io.write(string.format("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
