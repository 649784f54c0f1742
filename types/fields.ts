import * as v from 'valibot'

/**
 * The pieces every input schema is built from, so that whatever a person sends is bounded and every
 * refusal is worded in plain Chinese: strings and lists have a maximum, money is a safe integer of
 * fen, dates are real calendar dates, names hold no invisible characters.
 */

export const MAX_NAME = 60
export const MAX_TEXT = 2000
export const MAX_LIST = 100
/** 10 million yuan: more than any payout, fee or salary the union handles. */
export const MAX_FEN = 1_000_000_000

/** What a person reads when a schema has no words of its own for a problem. */
export function fallbackMessage(issue: { kind: string; received?: string }): string {
  if (issue.kind === 'schema' && issue.received === 'undefined') return '请填写这一项'
  if (issue.kind === 'schema') return '这一项的格式不正确'
  return '这一项填写不正确'
}

// Set once for the phone and the server alike: valibot's own messages are English.
v.setGlobalMessage(fallbackMessage)

/**
 * Characters a name may not hold: control and format characters (zero-width spaces, direction
 * marks and overrides), surrogates, private-use and unassigned code points, line separators.
 */
const HIDDEN_IN_NAMES = /[\p{C}\p{Zl}\p{Zp}]/u
/**
 * The same for free text, except newlines and tabs, and the zero-width joiner and tag characters
 * that emoji sequences (👨‍👩‍👧, flags) are made of.
 */
const HIDDEN_IN_TEXT = /(?![\n\t\u200D\u{E0020}-\u{E007F}])[\p{C}\p{Zl}\p{Zp}]/u

export const hasHiddenCharacters = (s: string) => HIDDEN_IN_NAMES.test(s)
export const hasForbiddenTextCharacters = (s: string) => HIDDEN_IN_TEXT.test(s)

interface TextOptions {
  min?: number
  max?: number
  /** What to say when it is missing or too short, instead of the default wording. */
  required?: string
}

/** A name, title or other one-line text: trimmed, bounded, no invisible characters. */
export function nameText(label: string, { min = 1, max = MAX_NAME, required }: TextOptions = {}) {
  const missing = required ?? `请填写${label}`
  return v.pipe(
    v.string(missing),
    v.trim(),
    v.minLength(min, min <= 1 ? missing : (required ?? `${label}至少${min}个字`)),
    v.maxLength(max, `${label}最多${max}个字`),
    v.check((s) => !HIDDEN_IN_NAMES.test(s), `${label}里有看不见的特殊字符，请删掉后重新输入`),
  )
}

/** Free text (what happened, a note): newlines and emoji kept, control and direction characters refused. */
export function freeText(label: string, { min = 0, max = MAX_TEXT, required }: TextOptions = {}) {
  const missing = required ?? `请填写${label}`
  return v.pipe(
    v.string(missing),
    v.transform((s: string) => s.replace(/\r\n?/g, '\n')),
    v.trim(),
    v.minLength(min, min <= 1 ? missing : (required ?? `${label}至少${min}个字`)),
    v.maxLength(max, `${label}最多${max}个字`),
    v.check((s) => !HIDDEN_IN_TEXT.test(s), `${label}里有不能使用的特殊字符，请删掉后重新输入`),
  )
}

/** A code-like string (an id, a reference number) matched by a pattern. */
export function codeText(label: string, pattern: RegExp, wrong: string, max = 64) {
  return v.pipe(v.string(`请填写${label}`), v.trim(), v.maxLength(max, wrong), v.regex(pattern, wrong))
}

/** The id of a stored record. */
export const recordId = (label = '编号') =>
  v.pipe(v.string(`缺少${label}`), v.minLength(1, `缺少${label}`), v.maxLength(64, `${label}不正确`), v.regex(/^[\w.:-]+$/, `${label}不正确`))

/** A whole number between `min` and `max`. */
export function wholeNumber(label: string, min: number, max: number, unit = '') {
  return v.pipe(
    v.number(`请填写${label}`),
    v.integer(`${label}应为整数`),
    v.minValue(min, `${label}不能小于${min}${unit}`),
    v.maxValue(max, `${label}不能大于${max}${unit}`),
  )
}

/** An amount of money in fen: a safe integer, never above `MAX_FEN`. */
export function moneyFen(label: string, { min = 0, max = MAX_FEN }: { min?: number; max?: number } = {}) {
  // Below a floor of a yuan or more the amount was filled in, just too small: say the floor.
  const belowMin = min >= 100 ? `${label}不能低于${min / 100}元` : min > 0 ? `请填写${label}` : `${label}不能为负`
  return v.pipe(
    v.number(`请填写${label}`),
    v.safeInteger(`${label}以分为单位`),
    v.minValue(min, belowMin),
    v.maxValue(max, `${label}过大`),
  )
}

/** `2027-02-30` is not a date: the calendar decides, not the pattern. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 1900 || year > 2199) return false
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function calendarDate(label: string) {
  return v.pipe(
    v.string(`请选择${label}`),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2027-01-25`),
    v.check(isCalendarDate, `${label}不是真实的日期`),
  )
}

/** A year the portal can hold records of. */
export const yearNumber = (label = '年份') =>
  v.pipe(v.number(`请填写${label}`), v.integer(`${label}不正确`), v.minValue(2024, `${label}不正确`), v.maxValue(2100, `${label}不正确`))

/** A moment as epoch milliseconds. */
export const epochMs = (label: string) =>
  v.pipe(v.number(`请选择${label}`), v.safeInteger(`${label}不正确`), v.minValue(0, `${label}不正确`), v.maxValue(7_258_118_400_000, `${label}不正确`))

/** A list of at most `max` items (100 unless the domain says otherwise). */
export function list<T extends v.GenericSchema>(item: T, label: string, { min = 0, max = MAX_LIST }: { min?: number; max?: number } = {}) {
  return v.pipe(
    v.array(item, `${label}格式不正确`),
    v.minLength(min, `请至少选择${min}项${label}`),
    v.maxLength(max, `${label}最多${max}项`),
  )
}

/** `yes or no` with the question in the message. */
export const yesNo = (question: string) => v.boolean(`请选择${question}`)

/** Where the next page starts: an offset as digits, opaque to clients. */
export const pageCursor = v.optional(v.pipe(v.string('翻页参数不正确'), v.regex(/^\d{1,6}$/, '翻页参数不正确')))

/** How many items a page holds. */
export const pageLimit = (max = 50) =>
  v.optional(v.pipe(v.number('条数应为数字'), v.integer('条数应为整数'), v.minValue(1, '条数至少为1'), v.maxValue(max, `每页最多${max}条`)))

export const latitude = v.pipe(v.number('请填写纬度'), v.minValue(-90, '纬度不正确'), v.maxValue(90, '纬度不正确'))
export const longitude = v.pipe(v.number('请填写经度'), v.minValue(-180, '经度不正确'), v.maxValue(180, '经度不正确'))

export const mobileNumber = (label = '手机号') =>
  v.pipe(v.string(`请填写${label}`), v.trim(), v.maxLength(11, `${label}应为1开头的11位数字`), v.regex(/^1[3-9]\d{9}$/, `${label}应为1开头的11位数字`))

/** `08:30`. */
export const clockTime = (label = '时间') =>
  v.pipe(v.string(`请填写${label}`), v.maxLength(5, `${label}格式应为 08:30`), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 08:30`))

/** A resident ID number (GB 11643); the check-digit rule is passed in from `cloud/domain/identity`. */
export const residentIdNumber = (isValidIdNumber: (id: string) => boolean, label = '身份证号') =>
  v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.toUpperCase(),
    v.maxLength(18, `${label}应为18位，最后一位可以是X`),
    v.regex(/^\d{17}[\dX]$/, `${label}应为18位，最后一位可以是X`),
    v.check(isValidIdNumber, `${label}不正确，请核对（校验位或出生日期有误）`),
  )

/**
 * The version of a policy the worker agreed to, as the consent line sends it: empty when the box
 * was not ticked. Whether it is the version in force is for the action to check (it is data).
 */
export const consentVersion = (title: string) =>
  v.pipe(
    v.string(`请阅读并同意《${title}》`),
    v.minLength(1, `请阅读并同意《${title}》`),
    v.maxLength(20, '协议版本不正确'),
    v.regex(/^[\w.-]+$/, '协议版本不正确'),
  )
