/**
 * Guards: shape checks of caller data at the boundary of every exported function (one style,
 * `INPUT_*` issues with paths). See `guard.ts`.
 */
export type { GuardOptions, InputCode, Rec } from './guard';
export {
  field,
  guardArray,
  guardBoolean,
  guardBytes,
  guardEnum,
  guardFactor,
  guardFunction,
  guardInteger,
  guardMoney,
  guardObject,
  guardPath,
  guardPlainDate,
  guardString,
  INPUT_CODES,
  inputErr,
  inputIssue,
  kindOf,
} from './guard';
