// Help texts, built from the flag table so that they cannot drift from what is parsed.
import { DEDUP_FLAGS, type FlagSpec } from './flags.js'

function flagLine(flag: FlagSpec): string {
  const names = `${flag.short === undefined ? '    ' : `-${flag.short}, `}--${flag.type === 'boolean' && flag.defaultText === 'on' ? '[no-]' : ''}${flag.name}${flag.value === undefined ? '' : ` ${flag.value}`}`
  const defaultText = flag.defaultText === undefined ? '' : ` (default: ${flag.defaultText})`
  return `  ${names.padEnd(28)} ${flag.description}${defaultText}`
}

/** `winnow dedup --help`. */
export function dedupHelp(): string {
  return [
    'Usage: winnow dedup <input...> [options]',
    '',
    'Clean crawled pages and cluster exact and near-duplicate copies, keeping one canonical copy',
    'per cluster. Inputs are files and folders (read recursively): .txt and .md files are one',
    'document each; .jsonl and .ndjson files (also .gz) are one document per line; - reads JSONL',
    'from standard input. Writes one JSON line per document, in input order:',
    '{id, url, cluster, canonical, duplicate_of, similarity, reason, text, flags}.',
    '',
    'Options:',
    ...DEDUP_FLAGS.map(flagLine),
    '',
    'Examples:',
    '  winnow dedup pages/ -o deduped.jsonl',
    '  winnow dedup crawl.jsonl.gz --text-field body --drop-duplicates --stats stats.json',
    '  cat crawl.jsonl | winnow dedup - --threshold 0.6 > deduped.jsonl',
    '',
  ].join('\n')
}

/** `winnow --help`. */
export function mainHelp(): string {
  return [
    'Usage: winnow <command> [options]',
    '',
    'Turn crawled web and news pages into a clean, deduplicated corpus.',
    '',
    'Commands:',
    '  dedup <input...>   clean pages and cluster exact and near-duplicate copies',
    '  help [command]     show help for a command',
    '',
    'Options:',
    '  -h, --help         show this help',
    '  -v, --version      print the version',
    '',
    'Example:',
    '  winnow dedup pages/ -o deduped.jsonl',
    '',
    "Run 'winnow dedup --help' for every option of dedup.",
    '',
  ].join('\n')
}
