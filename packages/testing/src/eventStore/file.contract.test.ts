import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileEventStore } from '@usha/ledger';
import { eventStoreContract } from './eventStoreContract.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-file-contract-'));
let n = 0;

eventStoreContract(
  'file',
  {
    create: (options) => openFileEventStore({ ...options, file: join(dir, `log-${n++}.ndjson`) }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  },
  { modelRuns: 40, raceRuns: 40 },
);
