// The event-store contract, against the adapter over gRPC to the test server on loopback,
// once with BatchAppend (what the client picks when the server lists it) and once with the
// classic Append (older servers, or ServerFeatures unimplemented).
import { testServerFactory } from './contractFactory.ts';
import { eventStoreContract } from './testSupport.ts';

const runs = { modelRuns: 40, raceRuns: 40 };
eventStoreContract('eventstoredb (BatchAppend)', testServerFactory({ batchAppend: true }), runs);
eventStoreContract('eventstoredb (Append)', testServerFactory({ batchAppend: false }), runs);
