// Collect the signatures of a pass into in-memory columns and spill files.
import { createBandSpill } from '../io/band-spill.js'
import { createSetSpill } from '../io/set-spill.js'
import type { PageSignature } from '../workers/page-tasks.js'
import type { SignedColumns } from './cluster-spilled.js'
import { createGrowable } from './growable.js'

/** Appends signatures in document order; `finish` hands the columns to clustering. */
export interface SignedCollector {
  add(signature: PageSignature): void
  finish(): SignedColumns
  /** Close and delete the spill files. */
  close(): void
}

/**
 * Create a collector whose spill files are named after `name` in `dir`. Per document, memory
 * holds the 64-bit exact key and the token count (12 bytes); band keys and shingle sets go to
 * disk.
 *
 * @example
 * const collector = createSignedCollector(tempDir, 'final', 64, false)
 */
export function createSignedCollector(
  dir: string,
  name: string,
  bands: number,
  withFingerprints: boolean,
): SignedCollector {
  const exactKeys = createGrowable(Uint32Array)
  const tokens = createGrowable(Uint32Array)
  const fingerprints = createGrowable(Uint32Array)
  const bandSpill = createBandSpill(dir, `${name}-bands`, bands)
  const setSpill = createSetSpill(dir, `${name}-sets`)
  return {
    add(signature) {
      exactKeys.push(parseInt(signature.exact?.slice(0, 8) ?? '0', 16))
      exactKeys.push(parseInt(signature.exact?.slice(8, 16) ?? '0', 16))
      tokens.push(signature.tokens)
      bandSpill.append(signature.bands)
      setSpill.append(signature.set)
      if (withFingerprints) fingerprints.pushAll(signature.fingerprint ?? new Uint32Array(2))
    },
    finish() {
      bandSpill.finish()
      setSpill.finish()
      return {
        count: tokens.length,
        exactKeys: exactKeys.view(),
        tokens: tokens.view(),
        bands: bandSpill,
        sets: setSpill,
        ...(withFingerprints ? { fingerprints: fingerprints.view() } : {}),
      }
    },
    close() {
      bandSpill.close()
      setSpill.close()
    },
  }
}
