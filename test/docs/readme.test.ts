import { describe, expect, it } from 'vitest';
import { computeFacture, formatMoney, formatNir, plainDate, validateNir } from '../../src/index';

describe('README quick starts', () => {
  it('prices the G consultation of the README: 19,00 € AMO net', () => {
    const r = computeFacture({
      dateFacturation: plainDate('2025-03-10'),
      ps: { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole' },
      beneficiaire: { dateNaissance: plainDate('1980-05-04') },
      parcours: 'T',
      lignes: [{ code: 'G', date: plainDate('2025-03-10'), quantite: 1 }],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(formatMoney(r.value.total.netAmo)).toBe('19,00\u00a0€');
      expect(r.value.trace.length).toBeGreaterThan(0);
    }
  });

  it('validates and formats the README NIR', () => {
    const r = validateNir('2 95 10 99 126 111 93');
    expect(r.ok && formatNir(r.value)).toBe('2 95 10 99 126 111 93');
  });
});
