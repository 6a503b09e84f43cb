/**
 * Preloaded (node -r) into a real `abc-planner` process by test/cli/fileProcesses.test.ts: as
 * soon as the command opens its temporary file, write a few bytes into it and send this
 * process KILL_AT_TEMP_SIGNAL (default SIGKILL, as a power cut or the OOM killer would; SIGTERM
 * as a shutdown would). Test code only.
 */
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const path = require('node:path');

const open = fs.promises.open;
fs.promises.open = async function openThenDie(file, flags, mode) {
  const handle = await open.call(this, file, flags, mode);
  if (typeof file === 'string' && path.basename(file).startsWith('.~abc-planner-')) {
    fs.writeSync(handle.fd, 'PK\x03\x04 partial');
    process.kill(process.pid, process.env.KILL_AT_TEMP_SIGNAL || 'SIGKILL');
  }
  return handle;
};
