/**
 * Lua scripts of the Redis politeness adapter. Each runs atomically and reads
 * the time from Redis (TIME), so workers on machines with skewed clocks agree.
 * Keys of one site share a hash tag (one cluster slot).
 */

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * KEYS: next-free, window, leases, breaker.
 * ARGV: minDelayMs, maxRequests, intervalMs, maxConcurrency, leaseMs, lease, pollMs.
 * Returns {1, settled, lease} when granted (settled = 1: no lease was
 * recorded and the breaker holds nothing, so a release that reports no block
 * would be a no-op),
 * else {0, waitMs, reason}. Checks the
 * breaker, then the concurrency cap, the window and the spacing; records
 * the request in all of them only when every one lets it through. After an
 * open period the first caller becomes the half-open probe; others wait for it.
 */
export const ADMIT = `${NOW}
local minDelay, maxRequests, interval = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local maxConcurrency, leaseMs, lease, pollMs = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
local b = redis.call('HMGET', KEYS[4], 'openUntil', 'probe', 'probeUntil', 'failures', 'opens')
local openUntil = tonumber(b[1] or '0')
local probe = false
if openUntil > 0 then
  if now < openUntil then return {0, openUntil - now, 'breaker-open'} end
  local probeUntil = tonumber(b[3] or '0')
  if b[2] and probeUntil > now then return {0, math.max(1, math.min(probeUntil - now, pollMs)), 'breaker-probing'} end
  probe = true
end
if maxConcurrency > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
  if redis.call('ZCARD', KEYS[3]) >= maxConcurrency then
    local first = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
    return {0, math.max(1, math.min(tonumber(first[2]) - now, pollMs)), 'concurrency'}
  end
end
if maxRequests > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - interval)
  if redis.call('ZCARD', KEYS[2]) >= maxRequests then
    local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
    return {0, math.max(1, tonumber(oldest[2]) + interval - now), 'rate-window'}
  end
end
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < nextFree then return {0, nextFree - now, 'min-delay'} end
if minDelay > 0 then redis.call('SET', KEYS[1], now + minDelay, 'PX', minDelay + 1000) end
if maxRequests > 0 then
  redis.call('ZADD', KEYS[2], now, lease)
  redis.call('PEXPIRE', KEYS[2], interval + 1000)
end
if maxConcurrency > 0 then
  redis.call('ZADD', KEYS[3], now + leaseMs, lease)
  redis.call('PEXPIRE', KEYS[3], leaseMs + 1000)
end
if probe then redis.call('HSET', KEYS[4], 'probe', lease, 'probeUntil', now + leaseMs) end
local settled = 1
if maxConcurrency > 0 or b[1] or b[2] or b[4] or b[5] then settled = 0 end
return {1, settled, lease}
`;

/**
 * KEYS: leases, breaker, next-free.
 * ARGV: lease, outcome (ok|blocked|inconclusive), threshold, baseMs, maxMs, retryAfterMs, memoryMs.
 * Returns {state, consecutiveBlocks, waitMs}. A normal answer closes the
 * breaker; a block counts, and the threshold-th block in a row (or a failed
 * probe) opens it for baseMs * 2^(opens-1), capped at maxMs, never shorter
 * than Retry-After. Retry-After also pushes the site's next free slot.
 */
export const RELEASE = `${NOW}
local lease, outcome = ARGV[1], ARGV[2]
local threshold, baseMs, maxMs = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local retryAfter, memoryMs = tonumber(ARGV[6]), tonumber(ARGV[7])
redis.call('ZREM', KEYS[1], lease)
local b = redis.call('HMGET', KEYS[2], 'failures', 'opens', 'probe', 'openUntil')
local failures, opens = tonumber(b[1] or '0'), tonumber(b[2] or '0')
local openUntil = tonumber(b[4] or '0')
local isProbe = b[3] == lease
if outcome == 'ok' then
  if b[1] or b[2] or b[4] then redis.call('DEL', KEYS[2]) end
  return {'closed', 0, 0}
end
if outcome ~= 'blocked' then
  if isProbe then redis.call('HDEL', KEYS[2], 'probe', 'probeUntil') end
  if openUntil > now then return {'open', failures, openUntil - now} end
  return {'closed', failures, 0}
end
failures = failures + 1
local state, wait = 'closed', retryAfter
if openUntil > now and not isProbe then
  state, wait = 'open', math.max(retryAfter, openUntil - now)
  if now + retryAfter > openUntil then redis.call('HSET', KEYS[2], 'openUntil', now + retryAfter) end
elseif isProbe or failures >= threshold then
  opens = opens + 1
  local openMs = math.max(math.min(maxMs, baseMs * math.pow(2, opens - 1)), retryAfter)
  redis.call('HSET', KEYS[2], 'opens', opens, 'openUntil', now + openMs)
  redis.call('HDEL', KEYS[2], 'probe', 'probeUntil')
  state, wait = 'open', openMs
end
redis.call('HSET', KEYS[2], 'failures', failures)
redis.call('PEXPIRE', KEYS[2], memoryMs)
if retryAfter > 0 then
  local nextFree = tonumber(redis.call('GET', KEYS[3]) or '0')
  if now + retryAfter > nextFree then redis.call('SET', KEYS[3], now + retryAfter, 'PX', retryAfter + 1000) end
end
return {state, failures, wait}
`;
