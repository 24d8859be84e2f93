// The Redis index's Lua scripts: each runs as one atomic step on the server.
import {
  BAND_ENTRY,
  BODY,
  CHUNK,
  FLAG,
  RECORD,
  REDIS_BANDS,
  SKETCH_BYTES,
  ZERO_PAIRS,
} from './redis-layout.js'

// Shared helpers. Offsets in the layout are 0-based; Lua strings are 1-based.
// Records read in one call are cached (a script runs alone, so nothing changes under it) and
// written through; key names are built once per chunk, as formatting numbers is slow in Lua.
const COMMON = `
local P = ARGV[1]
local CHUNK = ${CHUNK}
local R = ${RECORD.bytes}
local S = ${SKETCH_BYTES}
local keyNames, records = {}, {}
local function chunkOf(seq) return math.floor((seq - 1) / CHUNK) end
-- The name of a chunk's key of one kind ('r' records, 'n' names), built once.
local function chunkKey(kind, seq)
  local chunk = chunkOf(seq)
  local name = kind .. chunk
  local key = keyNames[name]
  if not key then
    key = P .. kind .. ':' .. chunk
    keyNames[name] = key
  end
  return key
end
local function recKey(seq) return chunkKey('r', seq) end
local function recOff(seq) return ((seq - 1) % CHUNK) * R end
local function record(seq)
  local rec = records[seq]
  if not rec then
    local at = recOff(seq)
    rec = redis.call('GETRANGE', recKey(seq), at, at + R - 1)
    records[seq] = rec
  end
  return rec
end
local function u32(seq, field)
  return (struct.unpack('<I4', record(seq), field + 1))
end
local function setU32(seq, field, value)
  local bytes = struct.pack('<I4', value)
  redis.call('SETRANGE', recKey(seq), recOff(seq) + field, bytes)
  local rec = record(seq)
  records[seq] = string.sub(rec, 1, field) .. bytes .. string.sub(rec, field + 5)
end
local function nameOf(seq)
  local rec = record(seq)
  local offset = struct.unpack('<I4', rec, ${RECORD.nameOffset + 1})
  local length = struct.unpack('<I2', rec, ${RECORD.nameLength + 1})
  if length == 0 then return '' end
  return redis.call('GETRANGE', chunkKey('n', seq), offset, offset + length - 1)
end
-- The root of a document's cluster; compress = true shortens the path on the way (writes).
local function find(seq, compress)
  local root = seq
  while true do
    local parent = u32(root, ${RECORD.parent})
    if parent == root then break end
    root = parent
  end
  if compress then
    while seq ~= root do
      local parent = u32(seq, ${RECORD.parent})
      if parent ~= root then setU32(seq, ${RECORD.parent}, root) end
      seq = parent
    end
  end
  return root
end
`

// Add a statistics delta from ARGV[at] on: pages, then three counted lists (sites, template
// keys, words), each its length and then key and count pairs.
const ADD_STATISTICS = `
local function addStatistics(P, meta, at)
  local pages = tonumber(ARGV[at])
  if pages and pages > 0 then redis.call('HINCRBY', meta, 'pages', pages) end
  at = at + 1
  for _, name in ipairs({ 'sites', 'templates', 'words' }) do
    local listed = tonumber(ARGV[at] or '0')
    at = at + 1
    for j = 0, listed - 1 do
      redis.call('HINCRBY', P .. name, ARGV[at + 2 * j], ARGV[at + 2 * j + 1])
    end
    at = at + 2 * listed
  end
end
`

/**
 * Check documents against the index, and add them (mode 'add') or not (mode 'check').
 * KEYS[1] is the namespace's meta hash; every other key shares its hash tag, so the script
 * touches one Redis Cluster slot. ARGV: prefix, mode, threshold, containment, minimum shingles
 * for containment, entry count, then id, body and extra data per entry, then the statistics
 * delta: pages, and three counted lists (sites, template keys, words) of key and count pairs.
 * Returns per entry: status, the document's record, its canonical copy's id and record ('' when
 * the document is its own canonical copy).
 */
export const CHECK_AND_ADD = `${COMMON}${ADD_STATISTICS}
local mode = ARGV[2]
local adding = mode == 'add'
local threshold = tonumber(ARGV[3])
local containment = tonumber(ARGV[4])
local minContained = tonumber(ARGV[5])
local count = tonumber(ARGV[6])
local meta = KEYS[1]

local ZERO_PAIRS = { ${[...ZERO_PAIRS].join(', ')} }
local bxor = bit.bxor
-- Jaccard similarity and containment (smaller in larger) from two sketches' bytes.
local function estimate(a, sizeA, b, sizeB)
  local equal = 0
  for i = 1, S do equal = equal + ZERO_PAIRS[bxor(a[i], b[i]) + 1] end
  local jaccard = (equal / (4 * S) - 1 / 4) / (1 - 1 / 4)
  if jaccard < 0 then jaccard = 0 end
  local small = math.min(sizeA, sizeB)
  if small == 0 then return jaccard, 0 end
  local intersection = jaccard * (sizeA + sizeB) / (1 + jaccard)
  return jaccard, math.min(1, intersection / small)
end

local function joins(sketch, size, rec)
  local other = struct.unpack('<I4', rec, ${RECORD.setSize + 1})
  local jaccard, contained = estimate(sketch, size,
    { string.byte(rec, ${RECORD.sketch + 1}, ${RECORD.sketch + SKETCH_BYTES}) }, other)
  if jaccard >= threshold then return true end
  return math.min(size, other) >= minContained and contained >= containment
end

-- The key of a band's bucket (the band key's high 16 bits, as two bytes) and the remainder
-- (its low 16 bits) that entries in the bucket carry.
local function bandKeys(body)
  local keys, rests = {}, {}
  for band = 0, ${REDIS_BANDS - 1} do
    local at = ${BODY.bands + 1} + 4 * band
    keys[band + 1] = P .. 'b:' .. string.sub(body, at + 2, at + 3)
    rests[band + 1] = string.sub(body, at, at + 1)
  end
  return keys, rests
end

-- Every document sharing a kept band key, ascending, and the buckets as they were read.
local function candidates(keys, rests)
  local seen, list = {}, {}
  local buckets = redis.call('MGET', unpack(keys))
  for band = 1, ${REDIS_BANDS} do
    local bucket = buckets[band]
    if bucket then
      local rest = rests[band]
      local from = 1
      while true do
        local at = string.find(bucket, rest, from, true)
        if not at then break end
        if (at - 1) % ${BAND_ENTRY} == 0 then
          local seq = struct.unpack('<I4', bucket, at + 2)
          if not seen[seq] then
            seen[seq] = true
            list[#list + 1] = seq
          end
          from = at + ${BAND_ENTRY}
        else
          from = at + 1
        end
      end
    end
  end
  table.sort(list)
  return list, buckets
end

local function decide(body, keys, rests)
  local decision = { joined = {}, matched = 0, exactOf = 0, canonical = 0 }
  local tokens = struct.unpack('<I4', body, ${BODY.tokens + 1})
  local flags = string.byte(body, ${BODY.flags + 1})
  if tokens == 0 or flags % 2 == 0 then return decision end
  -- An exact copy shares every band key with the first document of its content hash, so that
  -- document is always among the candidates: no separate content-hash map is needed.
  local exact = string.sub(body, ${BODY.exact + 1}, ${BODY.exact + 8})
  local list, buckets = candidates(keys, rests)
  decision.buckets = buckets
  for _, seq in ipairs(list) do
    local rec = record(seq)
    if string.byte(rec, ${RECORD.flags + 1}) % 2 == 1
      and string.sub(rec, ${RECORD.exact + 1}, ${RECORD.exact + 8}) == exact then
      decision.joined[1] = find(seq, adding)
      decision.matched = seq
      decision.exactOf = seq
      break
    end
  end
  if decision.exactOf == 0 then
    local joinedSet = {}
    local sketch = { string.byte(body, ${BODY.sketch + 1}, ${BODY.sketch + SKETCH_BYTES}) }
    local size = struct.unpack('<I4', body, ${BODY.setSize + 1})
    for _, seq in ipairs(list) do
      local root = find(seq, adding)
      if not joinedSet[root] and joins(sketch, size, record(seq)) then
        joinedSet[root] = true
        decision.joined[#decision.joined + 1] = root
        if decision.matched == 0 then decision.matched = seq end
      end
    end
    table.sort(decision.joined)
  end
  local best, bestTokens = 0, -1
  for _, root in ipairs(decision.joined) do
    local canonical = u32(root, ${RECORD.canonical})
    local canonicalTokens = u32(canonical, ${RECORD.tokens})
    if canonicalTokens > bestTokens or (canonicalTokens == bestTokens and canonical < best) then
      best, bestTokens = canonical, canonicalTokens
    end
  end
  if best ~= 0 and bestTokens >= tokens then decision.canonical = best end
  return decision
end

local function insert(id, body, extra, decision, keys, rests)
  local seq = redis.call('HINCRBY', meta, 'seq', 1)
  local chunk = chunkOf(seq)
  local nameEnd = redis.call('APPEND', P .. 'n:' .. chunk, id)
  local flags = string.byte(body, ${BODY.flags + 1})
  if #decision.joined > 0 then flags = flags + ${FLAG.duplicate} end
  if extra ~= '' then
    flags = flags + ${FLAG.extra}
    redis.call('HSET', P .. 'x:' .. chunk, seq, extra)
  end
  local rec = struct.pack('<I4I4I4', seq, seq, seq)
    .. string.sub(body, ${BODY.tokens + 1}, ${BODY.cleanedLength + 4})
    .. struct.pack('<I4I4I2', decision.matched, nameEnd - #id, #id)
    .. string.char(flags)
    .. string.sub(body, ${BODY.exact + 1}, ${BODY.sketch + SKETCH_BYTES})
  redis.call('SETRANGE', recKey(seq), recOff(seq), rec)
  records[seq] = rec
  if seq % CHUNK == 0 then
    -- A full chunk grows no more: rewrite its strings at their exact size.
    for _, key in ipairs({ P .. 'n:' .. chunk, recKey(seq) }) do
      redis.call('SET', key, redis.call('GET', key))
    end
  end
  redis.call('HSET', P .. 'i:' .. struct.unpack('<I2', body, ${BODY.idBucket + 1}), id, seq)
  redis.call('HINCRBY', meta, 'documents', 1)
  if math.floor(flags / ${FLAG.text}) % 2 == 1 then redis.call('HINCRBY', meta, 'texts', 1) end
  local tokens = struct.unpack('<I4', body, ${BODY.tokens + 1})
  if decision.exactOf == 0 and tokens > 0 then
    local seqBytes = struct.pack('<I4', seq)
    -- SET of the bucket read a moment ago plus the entry, rather than APPEND: APPEND leaves
    -- the string up to twice the size it needs, and buckets only ever grow. Two bands may
    -- share a bucket: the second adds to what the first wrote.
    local written = {}
    for band = 1, ${REDIS_BANDS} do
      local key = keys[band]
      local bucket = (written[key] or decision.buckets[band] or '') .. rests[band] .. seqBytes
      written[key] = bucket
      redis.call('SET', key, bucket)
    end
  end
  local root = decision.joined[1]
  if root == nil then
    redis.call('HINCRBY', meta, 'clusters', 1)
    return seq, seq
  end
  -- Later clusters fold into the first: parent pointers, and their member rings spliced in.
  for i = 2, #decision.joined do
    local other = decision.joined[i]
    setU32(other, ${RECORD.parent}, root)
    local rootNext, otherNext = u32(root, ${RECORD.next}), u32(other, ${RECORD.next})
    setU32(root, ${RECORD.next}, otherNext)
    setU32(other, ${RECORD.next}, rootNext)
  end
  redis.call('HINCRBY', meta, 'clusters', 1 - #decision.joined)
  setU32(seq, ${RECORD.parent}, root)
  setU32(seq, ${RECORD.next}, u32(root, ${RECORD.next}))
  setU32(root, ${RECORD.next}, seq)
  local canonical = decision.canonical
  if canonical == 0 then canonical = seq end
  setU32(root, ${RECORD.canonical}, canonical)
  return seq, canonical
end

local results = {}
for i = 0, count - 1 do
  local id, body, extra = ARGV[7 + 3 * i], ARGV[8 + 3 * i], ARGV[9 + 3 * i]
  local idBucket = struct.unpack('<I2', body, ${BODY.idBucket + 1})
  local known = redis.call('HGET', P .. 'i:' .. idBucket, id)
  local status, own, canonical
  if known then
    own = tonumber(known)
    canonical = u32(find(own, adding), ${RECORD.canonical})
    status = 'already_seen'
  else
    local keys, rests = bandKeys(body)
    local decision = decide(body, keys, rests)
    status = 'new'
    if #decision.joined > 0 then status = 'duplicate' end
    if adding then
      own, canonical = insert(id, body, extra, decision, keys, rests)
    else
      own, canonical = 0, decision.canonical
    end
  end
  local ownRecord = ''
  if own ~= 0 then ownRecord = record(own) end
  if canonical == own or canonical == 0 then
    results[#results + 1] = { status, ownRecord, '', '' }
  else
    results[#results + 1] = { status, ownRecord, nameOf(canonical), record(canonical) }
  end
end

if adding then addStatistics(P, meta, 7 + 3 * count) end
return results
`

/**
 * Describe documents by sequence number, read-only. ARGV: prefix, then sequence numbers.
 * Returns per document: id, record, extra data, root, canonical id, canonical record, and the
 * id of the document it matched ('' when none).
 */
export const DESCRIBE = `${COMMON}
local results = {}
for i = 2, #ARGV do
  local seq = tonumber(ARGV[i])
  local rec = record(seq)
  local root = find(seq, false)
  local canonical = u32(root, ${RECORD.canonical})
  local flags = string.byte(rec, ${RECORD.flags + 1})
  local extra = ''
  if math.floor(flags / ${FLAG.extra}) % 2 == 1 then
    extra = redis.call('HGET', P .. 'x:' .. chunkOf(seq), seq) or ''
  end
  local matched = struct.unpack('<I4', rec, ${RECORD.matched + 1})
  local matchedName = ''
  if matched ~= 0 then matchedName = nameOf(matched) end
  results[#results + 1] = {
    nameOf(seq), rec, extra, root, nameOf(canonical), record(canonical), matchedName,
  }
end
return results
`

/** The members of a cluster, by a member's id: their sequence numbers ([] when unknown). */
export const MEMBERS = `${COMMON}
local known = redis.call('HGET', P .. 'i:' .. ARGV[2], ARGV[3])
if not known then return {} end
local start = tonumber(known)
local members = { start }
local seq = u32(start, ${RECORD.next})
while seq ~= start do
  members[#members + 1] = seq
  seq = u32(seq, ${RECORD.next})
end
return members
`

/**
 * Create the namespace's meta hash unless it exists. ARGV: format, schema version, options.
 * Returns the stored format, schema version and options.
 */
export const INIT = `
local meta = KEYS[1]
if redis.call('EXISTS', meta) == 0 and ARGV[3] ~= '' then
  redis.call('HSET', meta, 'format', ARGV[1], 'schema_version', ARGV[2], 'options', ARGV[3],
    'seq', 0, 'documents', 0, 'clusters', 0, 'texts', 0, 'pages', 0)
end
return redis.call('HMGET', meta, 'format', 'schema_version', 'options')
`

/**
 * Rewrite the open chunk's record and name strings at their exact size: strings that grow by
 * SETRANGE and APPEND keep room to grow. ARGV: prefix. Returns the documents' count.
 */
export const COMPACT = `${COMMON}
local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
if seq > 0 then
  for _, kind in ipairs({ 'r', 'n' }) do
    local key = chunkKey(kind, seq)
    local value = redis.call('GET', key)
    if value then redis.call('SET', key, value) end
  end
end
return seq
`

/**
 * Add a statistics delta once under a name: a queued job's page counts, which a retried job
 * must not add twice. KEYS[1] is the meta hash. ARGV: prefix, name, then the delta as
 * CHECK_AND_ADD takes it. Returns 1 when added, 0 when the name had been added before.
 */
export const COUNT_ONCE = `${ADD_STATISTICS}
if not redis.call('SET', ARGV[1] .. 'counted:' .. ARGV[2], '1', 'NX') then return 0 end
addStatistics(ARGV[1], KEYS[1], 3)
return 1
`
