"""The Lua scripts behind ``bot.services.booking``: each decision about a slot is one atomic
step in Redis (see that module for the keys and what each script guarantees)."""

HOLD = """
local holds, taken, mine_key = KEYS[1], KEYS[2], KEYS[3]
local user, now, expires, capacity = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', holds, '-inf', now)
local mine = redis.call('ZSCORE', holds, user)
local used = redis.call('HLEN', taken) + redis.call('ZCARD', holds)
if not mine and used >= capacity then return 0 end
local previous = redis.call('HGET', mine_key, 'holds_key')
if previous and previous ~= holds then redis.call('ZREM', previous, user) end
redis.call('ZADD', holds, expires, user)
redis.call('PEXPIRE', holds, ARGV[13])
redis.call('DEL', mine_key)
redis.call('HSET', mine_key, 'service', ARGV[5], 'slot', ARGV[6], 'start', ARGV[7],
  'end', ARGV[8], 'expires', expires, 'replaces', ARGV[9], 'holds_key', holds,
  'interpreter', ARGV[10], 'name', ARGV[11], 'phone', ARGV[12])
redis.call('PEXPIRE', mine_key, ARGV[13])
return 1
"""

CONFIRM = """
local holds, taken, mine_key, booking, user_set, day, reminders = unpack(KEYS, 1, 7)
local old_booking, old_taken, old_day = KEYS[8], KEYS[9], KEYS[10]
local user, now, capacity, code = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local new_start, new_end = tonumber(ARGV[5]), tonumber(ARGV[6])
local max_upcoming, keep_ms, replaces = tonumber(ARGV[7]), tonumber(ARGV[8]), ARGV[9]
local counters, per_slot = cjson.decode(ARGV[10]), tonumber(ARGV[11])
local due = cjson.decode(ARGV[12])
local prefix = ARGV[13]

redis.call('ZREMRANGEBYSCORE', holds, '-inf', now)
local held = redis.call('ZSCORE', holds, user)
local booked = redis.call('HLEN', taken)
local others = redis.call('ZCARD', holds) - (held and 1 or 0)
if booked + others >= capacity then return {'full'} end

local count = 0
for _, other in ipairs(redis.call('SMEMBERS', user_set)) do
  if other ~= replaces then
    local b = redis.call('HMGET', prefix .. 'b:' .. other, 'start', 'end', 'status')
    if not b[1] or b[3] ~= 'booked' or tonumber(b[2]) <= now then
      redis.call('SREM', user_set, other)
    else
      count = count + 1
      if tonumber(b[1]) < new_end and new_start < tonumber(b[2]) then
        return {'overlap', other}
      end
    end
  end
end
if count >= max_upcoming then return {'too_many'} end
if redis.call('EXISTS', booking) == 1 then return {'code_taken'} end

local used = {}
for _, counter in ipairs(redis.call('HVALS', taken)) do
  used[counter] = (used[counter] or 0) + 1
end
local counter = nil
for _, candidate in ipairs(counters) do
  if (used[candidate] or 0) < per_slot then counter = candidate; break end
end
if not counter then return {'full'} end

if replaces ~= '' then
  local old = redis.call('HMGET', old_booking, 'user', 'status')
  if old[1] ~= user or old[2] ~= 'booked' then return {'stale'} end
  redis.call('HDEL', old_taken, replaces)
  redis.call('ZREM', old_day, replaces)
  redis.call('SREM', user_set, replaces)
  redis.call('ZREM', reminders, replaces .. '|day', replaces .. '|2h')
  redis.call('HSET', old_booking, 'status', 'moved', 'reason', code, 'changed', now)
end

local fields = cjson.decode(ARGV[14])
fields['counter'] = counter
fields['status'] = 'booked'
for k, v in pairs(fields) do redis.call('HSET', booking, k, v) end
redis.call('PEXPIRE', booking, keep_ms)
redis.call('HSET', taken, code, counter)
redis.call('PEXPIRE', taken, keep_ms)
redis.call('SADD', user_set, code)
if redis.call('PTTL', user_set) < keep_ms then redis.call('PEXPIRE', user_set, keep_ms) end
redis.call('SADD', KEYS[11], code)
if redis.call('PTTL', KEYS[11]) < keep_ms then redis.call('PEXPIRE', KEYS[11], keep_ms) end
redis.call('ZADD', day, new_start, code)
if redis.call('PTTL', day) < keep_ms then redis.call('PEXPIRE', day, keep_ms) end
for _, item in ipairs(due) do
  if tonumber(item[2]) > now then redis.call('ZADD', reminders, item[2], code .. '|' .. item[1]) end
end
redis.call('ZREM', holds, user)
redis.call('DEL', mine_key)
return {'ok', counter}
"""

COUNT = """
local now, result = tonumber(ARGV[1]), {}
for i = 1, #KEYS, 2 do
  local used = redis.call('ZCOUNT', KEYS[i], now + 1, '+inf') + redis.call('HLEN', KEYS[i + 1])
  local free = tonumber(ARGV[(i + 1) / 2 + 1]) - used
  result[#result + 1] = free > 0 and free or 0
end
return result
"""

# Only a live draft is updated: a plain HSET would recreate an expired one without its slot.
UPDATE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
"""

CANCEL = """
local booking, taken, user_set, day, reminders = unpack(KEYS, 1, 5)
local user, code, status, reason, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local b = redis.call('HMGET', booking, 'user', 'status')
if not b[1] then return 'missing' end
if user ~= '' and b[1] ~= user then return 'not_yours' end
if b[2] ~= 'booked' then return 'not_active' end
redis.call('HDEL', taken, code)
redis.call('ZREM', day, code)
redis.call('SREM', user_set, code)
redis.call('ZREM', reminders, code .. '|day', code .. '|2h')
redis.call('HSET', booking, 'status', status, 'reason', reason, 'changed', now)
return 'ok'
"""
