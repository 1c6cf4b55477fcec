import { writeCallBytes } from './logSpace.ts';
import type { LineTail } from './lineReader.ts';

/**
 * Why the bytes after the lines of a log that ends in zeros are damage, or undefined if they
 * may be a torn write. Only the writer's last write call can be torn (each is durable when it
 * returns), and it holds the first zero byte (a hole its pages left): every byte that is not
 * zero must lie within one write call (`writeCallBytes`) after that zero. Farther, it is damage.
 */
export const zeroTailFault = (tail: LineTail): string | undefined => {
  if (tail.zeroAt === undefined) return undefined;
  const reach = tail.writtenEnd - tail.zeroAt;
  if (reach <= writeCallBytes) return undefined;
  return `a zero byte at offset ${tail.zeroAt}, then bytes that are not zero up to offset`
    + ` ${tail.writtenEnd} (${reach} bytes on), past the ${writeCallBytes} bytes`
    + ' one write call can tear';
};
