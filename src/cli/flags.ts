// Every flag of `winnow dedup`, declared once: this table drives both parsing and --help.

/** One command-line flag. */
export interface FlagSpec {
  name: string
  short?: string
  type: 'string' | 'boolean'
  /** Placeholder for the value in help, for string flags. */
  value?: string
  description: string
  /** Shown in help; parsing defaults come from the pipeline's own defaults. */
  defaultText?: string
}

export const DEDUP_FLAGS: readonly FlagSpec[] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'FILE',
    description: 'write JSONL here instead of standard output',
  },
  { name: 'drop-duplicates', type: 'boolean', description: 'write only canonical documents' },
  {
    name: 'clean',
    type: 'boolean',
    description: 'remove page furniture before comparing; --no-clean compares raw text',
    defaultText: 'on',
  },
  {
    name: 'threshold',
    type: 'string',
    value: 'X',
    description: 'estimated Jaccard similarity (0..1) that makes a near-duplicate',
    defaultText: '0.5',
  },
  {
    name: 'containment',
    type: 'string',
    value: 'X',
    description:
      'share (0..1) of the smaller copy found in the larger that makes it a contained copy',
    defaultText: '0.8',
  },
  {
    name: 'shingle-size',
    type: 'string',
    value: 'N',
    description: 'words per shingle',
    defaultText: '3',
  },
  {
    name: 'permutations',
    type: 'string',
    value: 'N',
    description: 'MinHash signature length',
    defaultText: '128',
  },
  {
    name: 'bands',
    type: 'string',
    value: 'N',
    description: 'LSH bands; must divide --permutations',
    defaultText: '64',
  },
  {
    name: 'id-field',
    type: 'string',
    value: 'NAME',
    description: 'JSONL field holding the document id',
    defaultText: 'id',
  },
  {
    name: 'text-field',
    type: 'string',
    value: 'NAME',
    description: 'JSONL field holding the page text',
    defaultText: 'text',
  },
  {
    name: 'url-field',
    type: 'string',
    value: 'NAME',
    description: 'JSONL field holding the page URL',
    defaultText: 'url',
  },
  { name: 'stats', type: 'string', value: 'FILE', description: 'write the run summary as JSON' },
  {
    name: 'rejects',
    type: 'string',
    value: 'FILE',
    description: 'write every rejected input as JSONL {source, line, id, code, reason}',
  },
  {
    name: 'strict',
    type: 'boolean',
    description: 'stop at the first rejected input (exit code 2)',
  },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'print no summary and no warnings' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
]

/** The table in the shape `node:util` parseArgs takes. */
export function parseArgsOptions(
  flags: readonly FlagSpec[],
): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  return Object.fromEntries(
    flags.map((flag) => [
      flag.name,
      flag.short === undefined ? { type: flag.type } : { type: flag.type, short: flag.short },
    ]),
  )
}
