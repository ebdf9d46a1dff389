import { describe, expect, it } from 'vitest';
import { formatNoemieSourceId } from '../../../src/returns/reconcile/index';
import type { NoemieFile } from '../../../src/noemie/index';

describe('formatNoemieSourceId', () => {
  it('tells apart two PS receiving files with the same identification the same day', () => {
    const header = (numeroDestinataire: string) =>
      ({ typeEmetteur: 'OR', numeroEmetteur: '751', typeDestinataire: 'PS', numeroDestinataire, identificationFichier: '000001', dateCreation: '2025-03-22' }) as unknown as NoemieFile['header'];
    const a = formatNoemieSourceId({ header: header('990781056') });
    const b = formatNoemieSourceId({ header: header('990782062') });
    expect(a).not.toBe(b);
    expect(a).toBe('noemie:OR751>PS990781056:000001:2025-03-22');
  });
});
