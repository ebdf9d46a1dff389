/**
 * Virtual card engine: an ISO 7816-4 file system (MF, DFs by FID/AID, EFs by FID/SFI), SELECT,
 * READ BINARY, GET RESPONSE and T=0 behaviour (61xx / 6Cxx) — the base of the virtual Vitale 2
 * and CPS used by unit tests, the demo and the PC/SC end-to-end tests (through vpcd).
 */
import { parseCommandApdu, serializeResponseApdu } from '../apdu';
import type { CommandApdu } from '../apdu';
import { field, guardArray, guardBoolean, guardBytes, guardFunction, guardObject, guardString } from '../../core/guard/guard';
import type { Issue, IssuePath } from '../../core/issues/index';
import { arg } from '../assert';
import { bytesEqual, formatHex } from '../hex';

/** A card that answers APDUs. */
export interface VirtualCard {
  readonly atr: Uint8Array;
  readonly label: string;
  /**
   * Processes one command APDU; returns data ‖ SW. Async because the virtual CPS signs with
   * WebCrypto-made keys; commands are processed one at a time in call order.
   */
  process(command: Uint8Array): Promise<Uint8Array>;
  /** Power cycle: forgets the selection and the security state (verified PIN, MSE). */
  reset(): void;
}

/** An elementary file. */
export interface VirtualEf {
  readonly fid: string;
  readonly sfi?: number;
  readonly data: Uint8Array;
}

/** A dedicated file (application). */
export interface VirtualDf {
  readonly fid?: string;
  readonly aid?: Uint8Array;
  readonly efs: readonly VirtualEf[];
  readonly dfs: readonly VirtualDf[];
}

/** Response of an extra handler. */
export interface VirtualResponse {
  readonly data?: Uint8Array;
  readonly sw: number;
}

/** Options of `createFileCard`. */
export interface FileCardOptions {
  readonly atr: Uint8Array;
  readonly label: string;
  /** T=0 cards answer 61xx to case-4 commands and 6Cxx to a wrong Le. */
  readonly t0: boolean;
  readonly mf: VirtualDf;
  /** Card-specific commands (VERIFY, GET DATA, MSE, PSO…); `undefined` = not handled. */
  readonly handle?: (c: CommandApdu) => VirtualResponse | undefined | Promise<VirtualResponse | undefined>;
  /** Called on reset. */
  readonly onReset?: () => void;
}

const findDfByAid = (df: VirtualDf, aid: Uint8Array): VirtualDf | undefined => {
  if (df.aid !== undefined && bytesEqual(df.aid, aid)) return df;
  for (const d of df.dfs) {
    const f = findDfByAid(d, aid);
    if (f !== undefined) return f;
  }
  return undefined;
};

const walkPath = (mf: VirtualDf, ids: readonly string[]): { df: VirtualDf; ef?: VirtualEf } | undefined => {
  let cur = mf;
  for (const [i, id] of ids.entries()) {
    const d = cur.dfs.find((x) => x.fid === id);
    if (d !== undefined) {
      cur = d;
      continue;
    }
    const e = i === ids.length - 1 ? cur.efs.find((x) => x.fid === id) : undefined;
    return e === undefined ? undefined : { df: cur, ef: e };
  }
  return ids.length === 0 ? undefined : { df: cur };
};

/**
 * Creates a card with a file system.
 *
 * @param o - ATR, protocol, files, extra commands.
 * @returns The card.
 * @throws SesamError `ASSERTION` for malformed options.
 */
export function createFileCard(o: FileCardOptions): VirtualCard {
  arg(o, 'options', guardFileCardOptions);
  let df: VirtualDf = o.mf;
  let ef: VirtualEf | undefined;
  let pending: Uint8Array | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const answer = (c: CommandApdu, data: Uint8Array, sw: number): Uint8Array => {
    if (!o.t0 || data.length === 0 || sw !== 0x9000) return serializeResponseApdu(data, sw);
    if (c.data !== undefined && c.data.length > 0) {
      pending = data;
      return serializeResponseApdu(new Uint8Array(0), 0x6100 | (data.length & 0xff));
    }
    const le = c.le ?? 256;
    if (le !== data.length && !(le === 256 && data.length >= 256)) return serializeResponseApdu(new Uint8Array(0), 0x6c00 | (data.length & 0xff));
    return serializeResponseApdu(data, sw);
  };

  const select = (c: CommandApdu): VirtualResponse => {
    const data = c.data ?? new Uint8Array(0);
    const fid = formatHex(data);
    let target: { df: VirtualDf; ef?: VirtualEf } | undefined;
    if (c.p1 === 0x04) {
      const d = findDfByAid(o.mf, data);
      if (d !== undefined) target = { df: d };
    } else if (c.p1 === 0x00 && fid === '3F00') target = { df: o.mf };
    else if (c.p1 === 0x00 || c.p1 === 0x01 || c.p1 === 0x02) {
      const e = df.efs.find((x) => x.fid === fid);
      const d = df.dfs.find((x) => x.fid === fid) ?? o.mf.dfs.find((x) => x.fid === fid);
      if (e !== undefined) target = { df, ef: e };
      else if (d !== undefined) target = { df: d };
    } else if (c.p1 === 0x08 || c.p1 === 0x09) {
      target = walkPath(o.mf, fid.match(/.{4}/g) ?? []);
    }
    if (target === undefined) return { sw: 0x6a82 };
    df = target.df;
    ef = target.ef;
    if ((c.p2 & 0x0c) === 0x0c) return { sw: 0x9000 };
    const fci = Uint8Array.of(0x6f, 0x04, 0x83, 0x02, ...data.subarray(0, 2));
    return { data: fci, sw: 0x9000 };
  };

  const readBinary = (c: CommandApdu): VirtualResponse => {
    let offset: number;
    if ((c.p1 & 0x80) !== 0) {
      const sfi = c.p1 & 0x1f;
      const e = df.efs.find((x) => x.sfi === sfi);
      if (e === undefined) return { sw: 0x6a82 };
      ef = e;
      offset = c.p2;
    } else offset = ((c.p1 & 0x7f) << 8) | c.p2;
    if (ef === undefined) return { sw: 0x6986 };
    if (offset > ef.data.length) return { sw: 0x6b00 };
    return { data: ef.data.slice(offset, offset + (c.le ?? 256)), sw: 0x9000 };
  };

  return {
    atr: o.atr,
    label: o.label,
    process(bytes) {
      // One command at a time, in call order (a card is a sequential machine).
      const run = queue.then(() => processOne(bytes));
      queue = run.catch(() => undefined);
      return run;
    },
    reset() {
      df = o.mf;
      ef = undefined;
      pending = undefined;
      o.onReset?.();
    },
  };

  async function processOne(bytes: Uint8Array): Promise<Uint8Array> {
    const parsed = parseCommandApdu(bytes);
    if (!parsed.ok) return serializeResponseApdu(new Uint8Array(0), 0x6700);
    const c = parsed.value;
    try {
      if (c.ins === 0xc0) {
        const p = pending;
        pending = undefined;
        if (p === undefined) return serializeResponseApdu(new Uint8Array(0), 0x6985);
        if (c.le !== undefined && c.le !== p.length && !(c.le === 256 && p.length >= 256)) {
          pending = p;
          return serializeResponseApdu(new Uint8Array(0), 0x6c00 | (p.length & 0xff));
        }
        return serializeResponseApdu(p, 0x9000);
      }
      pending = undefined;
      if ((c.cla & 0xfc) !== 0x00) return serializeResponseApdu(new Uint8Array(0), 0x6e00);
      const r = c.ins === 0xa4 ? select(c) : c.ins === 0xb0 ? readBinary(c) : await o.handle?.(c);
      if (r === undefined) return serializeResponseApdu(new Uint8Array(0), 0x6d00);
      return answer(c, r.data ?? new Uint8Array(0), r.sw);
    } catch {
      return serializeResponseApdu(new Uint8Array(0), 0x6f00); // "no precise diagnosis" (ISO/IEC 7816-4 §5.6)
    } finally {
      c.data?.fill(0); // the parsed copy may hold a PIN
    }
  }
}

/** Guard (shared style) of a `VirtualDf` tree (depth ≤ 8). */
function guardDf(v: unknown, path: IssuePath, issues: Issue[], depth = 0): VirtualDf | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardString(field(o, 'fid'), [...path, 'fid'], issues, { required: false, pattern: /^[0-9A-F]{4}$/, expected: 'FID de 4 chiffres hexadécimaux majuscules' });
  guardBytes(field(o, 'aid'), [...path, 'aid'], issues, { required: false, max: 16 });
  const efs = guardArray(field(o, 'efs'), [...path, 'efs'], issues, { max: 256 });
  efs?.forEach((e, i) => {
    const eo = guardObject(e, [...path, 'efs', i], issues);
    if (eo === undefined) return;
    guardString(field(eo, 'fid'), [...path, 'efs', i, 'fid'], issues, { pattern: /^[0-9A-F]{4}$/, expected: 'FID de 4 chiffres hexadécimaux majuscules' });
    guardBytes(field(eo, 'data'), [...path, 'efs', i, 'data'], issues, { max: 32_767 });
  });
  const dfs = guardArray(field(o, 'dfs'), [...path, 'dfs'], issues, { max: depth >= 8 ? 0 : 64 });
  dfs?.forEach((d, i) => guardDf(d, [...path, 'dfs', i], issues, depth + 1));
  return issues.length === before ? (o as unknown as VirtualDf) : undefined;
}

/** Guard (shared style) of `FileCardOptions`. */
function guardFileCardOptions(v: unknown, path: IssuePath, issues: Issue[]): FileCardOptions | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardBytes(field(o, 'atr'), [...path, 'atr'], issues, { max: 33 });
  guardString(field(o, 'label'), [...path, 'label'], issues, { max: 256 });
  guardBoolean(field(o, 't0'), [...path, 't0'], issues);
  guardDf(field(o, 'mf'), [...path, 'mf'], issues);
  guardFunction(field(o, 'handle'), [...path, 'handle'], issues, { required: false });
  guardFunction(field(o, 'onReset'), [...path, 'onReset'], issues, { required: false });
  return issues.length === before ? (o as unknown as FileCardOptions) : undefined;
}
