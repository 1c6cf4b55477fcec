import type { CommandEvent, CommandIndex, CommandRef } from './commandIndex.ts';

/**
 * The command index as a Map of refs on the heap (about 150 bytes a command there): the plain
 * twin of `commandIndex`, kept as the model its property test checks it against.
 */
export const plainCommandIndex = (): CommandIndex => {
  const refs = new Map<string, CommandRef>();
  const observe = (e: CommandEvent): void => {
    const m = e.metadata;
    const ref = refs.get(m.commandId);
    if (ref === undefined) {
      refs.set(m.commandId, {
        commandId: m.commandId, commandType: m.commandType, commandHash: m.commandHash,
        stream: e.stream, firstRevision: e.revision, count: 1,
      });
      return;
    }
    const next = ref.firstRevision + BigInt(ref.count);
    if (ref.stream === e.stream && e.revision === next) {
      refs.set(m.commandId, { ...ref, count: ref.count + 1 });
    }
  };
  return { get: (id) => refs.get(id), observe, size: () => refs.size };
};
