-- wrk script: GET a chart of a different organization each request (cache misses: every chart is drawn).
-- Reads the bearer token from TOKEN, organization codes (one a line) from CODES_FILE, the chart query from CHART
-- (default: the province ranking as PNG); "{code}" in CHART is replaced by the organization's code. DELAY_MS: a pause
-- before each request (a caller at a steady pace, e.g. 500 for two charts a second), none by default.
dofile(os.getenv("BENCH_DIR") .. "/statuses.lua")
local codes = {}
for line in io.lines(os.getenv("CODES_FILE")) do
  codes[#codes + 1] = line
end
local token = os.getenv("TOKEN")
local chart = os.getenv("CHART") or "ranking?code={code}&year=2568&format=png"
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local counter = tonumber(os.getenv("OFFSET") or "0")

request = function()
  counter = counter + 1
  local code = codes[(counter % #codes) + 1]
  return wrk.format("GET", "/api/tenants/demo/charts/" .. chart:gsub("{code}", code), {["Authorization"] = "Bearer " .. token})
end

if pause > 0 then
  delay = function()
    return pause
  end
end
