-- Counts the answers by status (wrk's own summary lumps 429, 503 and every other refusal together as "Non-2xx").
-- Loaded by the other scripts with dofile; prints "status NNN: count" lines when wrk is done.
local threads = {}
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local counted = thread:get("statuses")
    local codes = {}
    for status in pairs(counted) do
      codes[#codes + 1] = status
    end
    table.sort(codes)
    for _, status in ipairs(codes) do
      io.write(string.format("status %d: %d\n", status, counted[status]))
    end
  end
end
