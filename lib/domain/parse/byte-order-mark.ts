/**
 * A UTF-8 byte order mark (EF BB BF) at the start of a file: Windows tools write it, strict JSON
 * readers reject it. The pipeline removes it before detection and says so once per source.
 */
import type { Diagnostic } from '../event';

export const BOM_CHAR = 0xfeff;

export function byteOrderMarkDiagnostic(): Diagnostic {
  return {
    locator: null,
    code: 'bom',
    message: 'the file starts with a UTF-8 byte order mark (bytes EF BB BF), which strict JSON readers reject; removed before parsing',
  };
}
