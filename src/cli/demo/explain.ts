/**
 * `--explain` for files: annotate B2 records field by field (position, name, raw value) from
 * the same declarative layouts the serializer and the parser use. NIRs are masked (maskNir).
 */
import { maskNir } from '../../core/issues/index';
import { B2_LAYOUTS, recordTypeOf } from '../../fse/b2/records/index';

/**
 * Annotates 128-byte B2 records.
 *
 * @param records - Record texts.
 * @returns Text: one block per record, one line per field.
 */
export function annotateB2Records(records: readonly string[]): string {
  const out: string[] = [];
  for (const text of records) {
    const type = recordTypeOf(text);
    const layout = type === undefined ? undefined : (B2_LAYOUTS as Readonly<Record<string, { readonly name: string; readonly fields: readonly { readonly name: string; readonly start: number; readonly length: number }[] }>>)[type];
    out.push(`    ┌ enregistrement ${type ?? '?'}${layout ? ` — ${layout.name}` : ''}`);
    if (layout === undefined) {
      out.push(`    │ ${maskNir(text)}`);
      continue;
    }
    for (const f of layout.fields) {
      // Every value goes through maskNir, not only fields named nir*: a NIR also sits in the
      // prefix repeated on sub-records, and masking keeps lengths, so positions still line up.
      const raw = maskNir(text.slice(f.start - 1, f.start - 1 + f.length));
      if (raw.trim() === '' && /^(filler|reserve|blanc|zone)/i.test(f.name)) continue;
      out.push(`    │ ${String(f.start).padStart(3)}-${String(f.start + f.length - 1).padEnd(3)} ${f.name.padEnd(34)} «${raw}»`);
    }
  }
  return out.join('\n') + '\n';
}
