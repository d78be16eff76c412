-- wrk script: GET the organization overview of a different organization each request.
-- Reads the bearer token from TOKEN and organization codes (one a line) from CODES_FILE.
dofile(os.getenv("BENCH_DIR") .. "/statuses.lua")
local codes = {}
for line in io.lines(os.getenv("CODES_FILE")) do
  codes[#codes + 1] = line
end
local token = os.getenv("TOKEN")
local year = os.getenv("YEAR") or "2568"
local counter = 0

request = function()
  counter = counter + 1
  local code = codes[(counter % #codes) + 1]
  return wrk.format("GET", "/api/tenants/demo/organizations/" .. code .. "/overview?year=" .. year, {["Authorization"] = "Bearer " .. token})
end
