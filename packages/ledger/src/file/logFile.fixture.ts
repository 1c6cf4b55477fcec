import { readFile } from 'node:fs/promises';
import { position, type Position } from '../eventStore/position.ts';

/** Where a log's last line starts, read off the file: the position of its last event. */
export const lastLineAt = async (file: string): Promise<Position> => {
  const bytes = await readFile(file);
  return position(BigInt(bytes.lastIndexOf(10, bytes.length - 2) + 1));
};
