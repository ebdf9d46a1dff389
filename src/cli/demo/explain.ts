/**
 * `--explain` for files: annotate B2 records field by field (position, name, raw value) from
 * the same declarative layouts the serializer and the parser use.
 */
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
      out.push(`    │ ${text}`);
      continue;
    }
    for (const f of layout.fields) {
      const raw = text.slice(f.start - 1, f.start - 1 + f.length);
      if (raw.trim() === '' && /^(filler|reserve|blanc|zone)/i.test(f.name)) continue;
      out.push(`    │ ${String(f.start).padStart(3)}-${String(f.start + f.length - 1).padEnd(3)} ${f.name.padEnd(34)} «${raw}»`);
    }
  }
  return out.join('\n') + '\n';
}
