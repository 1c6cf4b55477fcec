// SHA-256 computed on a worker thread while the caller goes on: an open reads a checkpoint's
// hundreds of MiB into memory on its own thread and hashes the same bytes on another, so the
// hash no longer adds its time to the read's (a few hundred ms at millions of events).
// The bytes hashed are the very bytes read, never a second read of the file: those in shared
// memory are hashed where they lie (the reader puts large parts there and does not change them
// before the digest is taken), any others are copied into shared memory when handed over.
import { Worker } from 'node:worker_threads';

/** A hash being computed elsewhere: bytes handed over in order, the digest awaited at the end. */
export interface ParallelSha256 {
  /** Hands over the next bytes (copied now unless they are in shared memory). */
  readonly update: (bytes: Uint8Array) => void;
  /** The SHA-256 of every byte handed over; rejects if the worker could not compute it. */
  readonly digest: () => Promise<Buffer>;
}

// Plain JavaScript run by the worker (no loader, no TypeScript: it starts in tens of ms).
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (h === undefined) { h = createHash('sha256'); hashes.set(m.id, h); }
    h.update(new Uint8Array(m.buffer, m.offset, m.length));
  } else {
    const h = hashes.get(m.id) ?? createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ id: m.id, digest: h.digest() });
  }
});
`;

interface Pending {
  readonly resolve: (digest: Buffer) => void;
  readonly reject: (e: Error) => void;
}

// One worker for the process, started by the first read under way and stopped a moment after
// the last ends (an open reads two checkpoints, one after the other: the second would wait for
// a new worker to start). Stopping it is also what lets go of the shared memory it was handed
// (its heap, small and idle, might not be collected for a long time). It holds the process
// open only while a digest is awaited.
let worker: Worker | undefined;
let reads = 0;
let stopping: NodeJS.Timeout | undefined;
const idleMs = 1_000;
const pending = new Map<number, Pending>();
let nextId = 1;

// Rejects the digests awaited (the worker failed, or their read ended without them).
const fail = (e: Error): void => {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
  worker?.unref(); // nothing awaited: the worker holds the process open no longer
};

const started = (): Worker => {
  if (worker !== undefined) return worker;
  const w = new Worker(workerSource, { eval: true, execArgv: [] });
  w.unref();
  w.on('message', (m: { id: number; digest: Uint8Array }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    p?.resolve(Buffer.from(m.digest.buffer, m.digest.byteOffset, m.digest.byteLength));
  });
  const lost = (e: Error) => {
    if (worker !== w) return;
    worker = undefined;
    fail(e);
  };
  w.on('error', lost);
  w.on('exit', (code) => { lost(new Error(`hash worker exited (${code})`)); });
  worker = w;
  return w;
};

/**
 * Starts a read that hashes on the worker; returns its end (every digest awaited before it).
 */
export const hashingRead = (): (() => void) => {
  reads += 1;
  clearTimeout(stopping);
  started();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    reads -= 1;
    if (reads > 0 || worker === undefined) return;
    fail(new Error('the read ended before its digest')); // each read awaits its own first
    clearTimeout(stopping);
    stopping = setTimeout(stop, idleMs).unref();
  };
};

const stop = (): void => {
  const w = worker;
  if (reads > 0 || w === undefined) return;
  worker = undefined;
  fail(new Error('the hash worker stopped'));
  void w.terminate();
};

// Small parts are gathered into shared blocks of this size before they are handed over.
const stagingBytes = 1 << 20;

/** A SHA-256 computed on the hash worker (see above). */
export const parallelSha256 = (): ParallelSha256 => {
  const w = started();
  const id = nextId++;
  let staging: Uint8Array | undefined;
  let staged = 0;
  const post = (buffer: ArrayBufferLike, offset: number, length: number) => {
    if (length > 0) w.postMessage({ op: 'update', id, buffer, offset, length });
  };
  const flush = () => {
    if (staging !== undefined) post(staging.buffer, 0, staged);
    staging = undefined; // the worker may not have hashed it yet: never written again
    staged = 0;
  };
  return {
    update: (bytes) => {
      if (bytes.buffer instanceof SharedArrayBuffer) {
        if (staged > 0) flush();
        post(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } else if (bytes.byteLength > stagingBytes) {
        if (staged > 0) flush();
        const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
        copy.set(bytes);
        post(copy.buffer, 0, copy.byteLength);
      } else {
        if (staged + bytes.byteLength > stagingBytes) flush();
        staging ??= new Uint8Array(new SharedArrayBuffer(stagingBytes));
        staging.set(bytes, staged);
        staged += bytes.byteLength;
      }
    },
    digest: () => {
      if (staged > 0) flush();
      if (worker !== w) return Promise.reject(new Error('the hash worker stopped'));
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ op: 'digest', id });
      });
    },
  };
};
