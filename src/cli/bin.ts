#!/usr/bin/env node
// The executable: hands the process's arguments and streams to main() and sets the exit code.
import { main } from './main.js'

// A closed pipe (`winnow dedup … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
})
