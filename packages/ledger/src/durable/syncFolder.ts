import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes a new, renamed or removed name durable: syncs the folder holding `file`. */
export const syncFolder = async (file: string): Promise<void> => {
  const dir = await open(dirname(file), 'r');
  try { await dir.sync(); } finally { await dir.close(); }
};
