// Writing to a server stream with back-pressure, giving up when the call goes away.
import type { ServerWritableStream } from '@grpc/grpc-js';

/** Something that tells whether a call is over and wakes waiters when it ends. */
export interface CallLife {
  readonly over: () => boolean;
  /** Resolves when the call ends or `wake` is called, whichever comes first. */
  readonly sleep: () => Promise<void>;
  readonly wake: () => void;
  readonly end: () => void;
}

/** Tracks the life of one server stream (client cancel, server stop). */
export const callLife = (call: ServerWritableStream<unknown, unknown>): CallLife => {
  let ended = false;
  let waiters: Array<() => void> = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };
  const end = () => {
    ended = true;
    wake();
  };
  call.on('cancelled', end);
  call.on('close', end);
  call.on('drain', wake);
  return {
    over: () => ended || call.cancelled || call.destroyed,
    sleep: () => new Promise<void>((resolve) => waiters.push(resolve)),
    wake,
    end,
  };
};

/** Writes one message, waiting for the stream to drain when its buffer is full. */
export const writeMessage = async <T>(call: ServerWritableStream<unknown, T>, life: CallLife,
  message: T): Promise<void> => {
  if (life.over()) return;
  if (!call.write(message)) {
    while (!life.over() && call.writableNeedDrain) await life.sleep();
  }
};
